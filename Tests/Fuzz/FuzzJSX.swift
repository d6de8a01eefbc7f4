import Foundation
import JSX

// The JSX checker under libFuzzer, or (built normally) a replayer for the inputs it saved.
//
//   swift build --build-path .build-fuzz -c release --product fuzz-jsx -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
//   .build-fuzz/release/fuzz-jsx -max_total_time=300 -max_len=4096 /tmp/jsx-fuzz-corpus Tests/JSXTests/Corpus
//   swift run fuzz-jsx crash-<hash>        # replays a saved input with the ordinary build
//
// scripts/fuzz-jsx.sh does all of it. Every input must end in a verdict whose findings carry a
// position and a reason; a crash, a hang (-timeout) or a malformed finding is a bug.

let checker = JSXChecker(allowedImports: ["react"])

/// The invariants every verdict keeps; a description of the broken one, or nil.
func brokenInvariant(_ source: String) -> String? {
    let found = checker.check(source)
    if let bad = found.first(where: { $0.line < 1 || $0.column < 1 || $0.message.isEmpty }) {
        return "malformed finding \(bad)"
    }
    // A syntax error is the only finding when there is one: the sanitiser never ran on a broken tree.
    if found.contains(where: { $0.rule == nil }) && found.count != 1 {
        return "a syntax error beside other findings: \(found)"
    }
    return nil
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    if let problem = brokenInvariant(source) {
        FileHandle.standardError.write(Data("fuzz-jsx: \(problem)\n".utf8))
        abort()
    }
    return 0
}

/// libFuzzer's own entry (FuzzerDriver.cpp). SwiftPM names an executable's entry point itself, so
/// the harness has a `main` that hands control to the driver instead of using libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzJSX {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOne))
    }
}
#else
@main
struct FuzzJSXReplay {
    static func main() {
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): unreadable")
                failed = true
                continue
            }
            let source = String(decoding: data, as: UTF8.self)
            if let problem = brokenInvariant(source) {
                print("\(path): \(problem)")
                failed = true
            } else {
                print("\(path): \(checker.check(source).first.map { "\($0.description)" } ?? "ok")")
            }
        }
        exit(failed ? 1 : 0)
    }
}
#endif
