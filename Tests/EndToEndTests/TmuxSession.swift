import Foundation
import Testing

/// A private tmux server running one command at a fixed size, read back as text.
/// Every step polls the screen with a deadline instead of sleeping a fixed time.
final class TmuxSession {
    /// Short, so the folder's paths fit the status line at 120 columns.
    let socket = "mp-tui-" + UUID().uuidString.prefix(8).lowercased()
    let commandLog: String
    let folder: URL

    /// `logCommands` adds the debug demo's `--command-log`, which `run` does not take. `files` are
    /// written into the session's folder (its working directory) before the command starts.
    init(arguments: [String], environment: [String: String] = [:], term: String = "tmux-256color",
         width: Int = 120, height: Int = 40, logCommands: Bool = true, files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        commandLog = folder.appendingPathComponent("commands.log").path
        let env = (["LANG": "C.UTF-8", "TERM": term].merging(environment) { _, new in new })
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let command = ([Binary.path] + arguments + (logCommands ? ["--command-log", commandLog] : []))
            .map(Self.quote).joined(separator: " ")
        // The marker shows the exit status on the normal screen once the program has gone.
        // NO_COLOR only when a test asks for it (the test runner may set it for its own output).
        let shell = "cd \(Self.quote(folder.path)) && env -u NO_COLOR \(env) \(command); echo MP-EXITED-$?; sleep 20"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", shell])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux client and returns what it printed. Spawned and reaped directly: the tmux server
    /// inherits the client's descriptors, which keeps Foundation's `Process` waiting forever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outPath = folder.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment
            .filter { $0.key != "TMUX" }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, envp) == 0 else {
            throw CocoaError(.executableNotLoadable)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    func screen(colors: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (colors ? ["-e"] : []) + ["-t", "main"])
    }

    func lines() throws -> [String] { try screen().components(separatedBy: "\n") }

    /// The screen's lines with the terminal's own wrapping undone (`capture-pane -J`), so a long
    /// line the program printed reads as one.
    func printedLines() throws -> [String] {
        try tmux(["capture-pane", "-p", "-J", "-t", "main"]).components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    var alternateScreen: Bool {
        (try? tmux(["display-message", "-p", "-t", "main", "#{alternate_on}"]))?.hasPrefix("1") ?? false
    }

    /// The TUI's process id: the child of the pane's shell.
    func programPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children?.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls until `condition` holds for the screen; returns the last screen either way.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)")
        return last
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 15) throws -> String {
        try waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// The title of the focused pane: the text drawn in the dark theme's focused-title colours
    /// (background 75), or in reverse video under NO_COLOR, on a row of pane titles.
    func focusedTitle(row: Int = 0) throws -> String? {
        let rows = try screen(colors: true).components(separatedBy: "\n")
        guard rows.indices.contains(row) else { return nil }
        var focused = false, run = ""
        var rest = Substring(rows[row])
        while let c = rest.first {
            if c == "\u{1b}", let end = rest.firstIndex(of: "m") {
                // An SGR sequence: ESC [ params m. Track only what marks focus.
                let params = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";", omittingEmptySubsequences: false)
                var i = 0
                while i < params.count {
                    switch params[i] {
                    case "", "0": focused = false
                    case "7": focused = true
                    case "27", "49": focused = false
                    case "48" where i + 2 < params.count:
                        focused = params[i + 2] == "75"
                        i += 2
                    case "38" where i + 2 < params.count: i += 2
                    default: break
                    }
                    i += 1
                }
                rest = rest[rest.index(after: end)...]
                continue
            }
            if focused {
                run.append(c)
            } else if !run.trimmingCharacters(in: .whitespaces).isEmpty {
                break
            }
            rest = rest.dropFirst()
        }
        let title = run.trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }

    /// Polls for a file until the deadline; true when it exists.
    func waitForFile(_ relativePath: String, timeout: Double = 15) -> Bool {
        let path = folder.appendingPathComponent(relativePath).path
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: path) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func logged(_ text: String, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let log = try? String(contentsOfFile: commandLog, encoding: .utf8), log.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
