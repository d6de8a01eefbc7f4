import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a hook command did.
public struct HookResult: Sendable, Hashable {
    public var command: String
    /// nil when the command was killed (timeout) or could not start.
    public var exitCode: Int32?
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool
    public var seconds: Double

    /// A non-zero exit or a timeout marks the component.
    public var failed: Bool { timedOut || exitCode != 0 }

    /// One line for the user: "post_generate hook `eslint` exited 3: <stderr>".
    public var summary: String {
        let output = (stderr.isEmpty ? stdout : stderr).trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = output.count > 200 ? String(output.prefix(200)) + "..." : output
        let status: String = if timedOut {
            "was stopped after \(String(format: "%.1f", seconds)) s (timeout)"
        } else if let exitCode {
            exitCode == 0 ? "passed" : "exited \(exitCode)"
        } else {
            "could not start"
        }
        return "hook `\(command)` \(status)" + (shown.isEmpty ? "" : ": " + shown.replacingOccurrences(of: "\n", with: " | "))
    }
}

/// The original design's hooks: external commands run through `/bin/sh -c`, fed on stdin,
/// bounded by a timeout. Each runs in its own process group so a timeout also stops whatever
/// the shell started (`sleep`, a linter's workers), and the pipes close.
public enum Hooks {
    /// `post_generate`: the component's source on stdin (e.g. a linter); its output is shown and a
    /// non-zero exit marks the component.
    public static func postGenerate(command: String, jsx: String, timeout: Double = 10) async -> HookResult {
        await run(command: command, input: Data(jsx.utf8), timeout: timeout)
    }

    /// `on_insight`: the insight as JSON on stdin.
    public static func onInsight(command: String, json: String, timeout: Double = 10) async -> HookResult {
        await run(command: command, input: Data(json.utf8), timeout: timeout)
    }

    /// MockPilot's own secrets, by every name they can arrive under. A hook is someone else's
    /// program (a linter, a critique script): it gets the environment without them.
    public static let withheldVariables: Set<String> = [
        "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "REDDIT_CLIENT_SECRET", "INSTAGRAM_ACCESS_TOKEN", "MONGODB_URI", "JWT_SECRET",
        "MOCKPILOT_LLM_OPENAI_API_KEY", "MOCKPILOT_LLM_ANTHROPIC_API_KEY", "MOCKPILOT_LLM_API_KEY", "MOCKPILOT_INSIGHTS_REDDIT_CLIENT_SECRET",
        "MOCKPILOT_INSIGHTS_INSTAGRAM_TOKEN", "MOCKPILOT_SERVICES_MONGODB_URI", "MOCKPILOT_SERVICES_JWT_SECRET",
    ]

    /// Service addresses MockPilot reads (REDIS_URL, WEAVIATE_URL, llm.base_url, the source
    /// endpoints): a URL like `redis://:password@host` carries its password inside, so the hook
    /// gets none of them.
    public static let withheldAddresses: Set<String> = [
        "REDIS_URL", "WEAVIATE_URL", "MOCKPILOT_SERVICES_REDIS_URL", "MOCKPILOT_SERVICES_WEAVIATE_URL", "MOCKPILOT_LLM_BASE_URL",
        "MOCKPILOT_REDDIT_API", "MOCKPILOT_REDDIT_AUTH", "MOCKPILOT_INSTAGRAM_API",
    ]

    /// `environment` without the withheld secrets and addresses, and without any other variable
    /// whose value is a URL with a password in it (`scheme://user:password@host`): whatever it
    /// is named, it is a credential.
    public static func hookEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        environment.filter { !withheldVariables.contains($0.key) && !withheldAddresses.contains($0.key) && !carriesPassword($0.value) }
    }

    /// `scheme://user:password@host...` (or `scheme://:password@host`): a URL with credentials.
    static func carriesPassword(_ value: String) -> Bool {
        guard let separator = value.range(of: "://") else { return false }
        let authority = value[separator.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        return authority[..<at].contains(":")
    }

    /// Runs `command` with `input` on stdin; never throws (a failure to start is a failed result).
    /// The hook sees `environment` (default: this process's) minus `withheldVariables`.
    public static func run(command: String, input: Data, timeout: Double,
                           environment: [String: String] = ProcessInfo.processInfo.environment) async -> HookResult {
        let environment = hookEnvironment(environment)
        return await withCheckedContinuation { (continuation: CheckedContinuation<HookResult, Never>) in
            // Own threads, not Dispatch's global queues: those are capped at the core count, and
            // blocked waits and reads there could delay the timeout by seconds on a busy machine.
            Thread {
                continuation.resume(returning: runBlocking(command: command, input: input, timeout: timeout, environment: environment))
            }.start()
        }
    }

    static func runBlocking(command: String, input: Data, timeout: Double, environment: [String: String]) -> HookResult {
        let started = Date()
        var failedStart = HookResult(command: command, exitCode: nil, stdout: "", stderr: "", timedOut: false, seconds: 0)
        // Socket pairs created close-on-exec (pipe2 is not visible from Swift): a hook started at the
        // same moment on another thread must not inherit this hook's ends, or this hook's output
        // would never reach end-of-file.
        var outFDs: [Int32] = [-1, -1], errFDs: [Int32] = [-1, -1]
        let kind = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, kind, 0, &outFDs) == 0, socketpair(AF_UNIX, kind, 0, &errFDs) == 0 else {
            failedStart.stderr = "cannot create the hook's output channels: \(String(cString: strerror(errno)))"
            return failedStart
        }
        // For stdin a socket also means `send(MSG_NOSIGNAL)` gets EPIPE instead of a SIGPIPE that
        // would kill MockPilot when a hook exits without reading its input.
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, kind, 0, &pair) == 0 else {
            [outFDs[0], outFDs[1], errFDs[0], errFDs[1]].forEach { close($0) }
            failedStart.stderr = "cannot create the hook's stdin: \(String(cString: strerror(errno)))"
            return failedStart
        }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_addclose(&actions, pair[0])
        posix_spawn_file_actions_adddup2(&actions, outFDs[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errFDs[1], 2)
        // Its own process group (pgid = its pid), so the timeout can signal the whole group.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        // The child holds its own copies; the parent's must close for EOF to arrive.
        close(pair[1])
        close(outFDs[1])
        close(errFDs[1])
        guard status == 0 else {
            close(pair[0])
            close(outFDs[0])
            close(errFDs[0])
            failedStart.stderr = String(cString: strerror(status))
            return failedStart
        }

        let group = DispatchGroup()
        let out = OutputBox(), err = OutputBox()
        read(FileHandle(fileDescriptor: outFDs[0], closeOnDealloc: false), into: out, group: group)
        read(FileHandle(fileDescriptor: errFDs[0], closeOnDealloc: false), into: err, group: group)
        let writer = pair[0]
        Thread {
            input.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count, let base = bytes.baseAddress {
                    let sent = send(writer, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                    if sent < 0 { if errno == EINTR { continue } else { break } }
                    offset += sent
                }
            }
            close(writer)
        }.start()

        // Poll for the exit so the timeout needs no second thread; 10 ms is well below what a user notices.
        let deadline = Date().addingTimeInterval(timeout)
        var waitStatus: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &waitStatus, WNOHANG)
            if reaped == pid || (reaped == -1 && errno != EINTR) { break }
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
                break
            }
            usleep(10_000)
        }
        // Children the hook left running would keep the pipes open; the group goes with it.
        if timedOut || group.wait(timeout: .now() + 1) == .timedOut {
            kill(-pid, SIGKILL)
            _ = group.wait(timeout: .now() + 1)
        }
        let exited = (waitStatus & 0x7f) == 0
        return HookResult(command: command, exitCode: exited && !timedOut ? (waitStatus >> 8) & 0xff : nil,
                          stdout: out.text, stderr: err.text, timedOut: timedOut,
                          seconds: Date().timeIntervalSince(started))
    }

    private static func read(_ handle: FileHandle, into box: OutputBox, group: DispatchGroup) {
        group.enter()
        Thread {
            // Keep at most 64 KiB of a chatty hook's output.
            while let chunk = try? handle.read(upToCount: 16384), !chunk.isEmpty { box.append(chunk, limit: 65536) }
            try? handle.close()
            group.leave()
        }.start()
    }
}

/// A hook's output, filled by a reader thread.
private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data, limit: Int) { lock.withLock { if data.count < limit { data.append(chunk.prefix(limit - data.count)) } } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
