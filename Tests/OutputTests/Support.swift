import Core
import Foundation
@testable import Output

/// A fresh folder under the system temp directory, removed by `remove()`.
struct TempFolder {
    let path: String

    init(_ label: String = #function) {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "mockpilot-output-\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).flatMap { String(data: $0, encoding: .utf8) }
    }

    func put(_ text: String, at relative: String) throws {
        try text.write(toFile: path + "/" + relative, atomically: false, encoding: .utf8)
    }

    /// Every file below the folder, relative, sorted.
    func allFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }
}

func spec(_ id: String, _ kind: ComponentKind = .button, version: Int = 1, utterances: [String] = ["u1"]) -> DesignSpec {
    DesignSpec(specID: id, component: kind, version: version, utteranceIDs: utterances)
}

func jsx(_ name: String, _ body: String = "Pay") -> String {
    "export default function \(name)() {\n  return <button className=\"rounded-full px-4\">\(body)</button>;\n}\n"
}

/// Runs a program and returns its exit status and combined output.
@discardableResult
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(data: data, encoding: .utf8) ?? "")
}
