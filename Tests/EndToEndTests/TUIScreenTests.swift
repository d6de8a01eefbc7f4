import Foundation
import Testing

/// A private tmux server running one command at a fixed size, read back as text.
/// Every step polls the screen with a deadline instead of sleeping a fixed time.
final class TmuxSession {
    let socket = "mp-tui-\(getpid())-\(UUID().uuidString.prefix(8))"
    let commandLog: String
    let folder: URL

    /// `logCommands` adds the debug demo's `--command-log`, which `run` does not take.
    init(arguments: [String], environment: [String: String] = [:], term: String = "tmux-256color",
         width: Int = 120, height: Int = 40, logCommands: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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

    func logged(_ text: String, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let log = try? String(contentsOfFile: commandLog, encoding: .utf8), log.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}

/// The meeting screen in a real terminal, driven by keys as a user would.
@Suite(.serialized) struct TUIScreenTests {
    static let demo = ["tui-demo", "--speed", "20"]

    @Test func theMeetingScreenResizesShowsHelpExportsAndQuitsCleanly() throws {
        let session = try TmuxSession(arguments: Self.demo + ["--export-folder", "exports/today"])
        var screen = try session.waitFor(text: "■ FINISHED")
        screen = try session.waitFor(text: "00:41 Maya: Great. Let's keep")
        #expect(session.alternateScreen)
        // 120x40: four panes side by side.
        let rows = screen.components(separatedBy: "\n")
        #expect(rows[0].hasPrefix("┌─ Transcript"))
        #expect(rows[0].contains("┌─ Intents · 4"))
        #expect(rows[0].contains("┌─ PricingTable v1/1"))
        #expect(rows[0].contains("┌─ Insights"))
        #expect(screen.contains("00:02 Maya: Okay, let's look at"))
        #expect(screen.contains("00:12 Lena: Let's build a"))
        #expect(screen.contains("価格"))
        #expect(screen.contains("● button 93% triggered"))
        #expect(screen.contains("export default function"))
        #expect(screen.contains("PricingTable.v1.jsx"))
        #expect(screen.contains("No insights yet."))
        #expect(rows[38].contains("latency 1.71s"))
        #expect(rows[38].contains("queue 0"))
        #expect(rows[39].contains("q quit"))

        // 80x24: a 2x2 grid.
        try session.resize(width: 80, height: 24)
        screen = try session.waitFor("the stacked layout") { s in
            let r = s.components(separatedBy: "\n")
            return r.count >= 24 && r[11].hasPrefix("┌─ PricingTable") && r[11].contains("┌─ Insights")
        }
        let small = screen.components(separatedBy: "\n")
        #expect(small[0].hasPrefix("┌─ Transcript"))
        #expect(small[0].contains("┌─ Intents"))
        #expect(small[22].contains("FINISHED"))
        #expect(small.prefix(24).allSatisfy { $0.count <= 80 })

        // Help lists every key.
        try session.press("?")
        // The overlay is painted top to bottom: wait for its last key, then check the rest.
        screen = try session.waitFor(text: "q  ctrl-c")
        #expect(screen.contains("─ Keys ─"))
        #expect(screen.contains("export every component"))

        // `e` closes help, sends the export command and confirms with the path.
        try session.press("e")
        let exportPath = session.folder.appendingPathComponent("exports/today").path
        screen = try session.waitFor(text: "Export requested")
        #expect(!screen.contains("─ Keys ─"))
        #expect(session.logged("export(to: \"\(exportPath)\")"))

        // `q` quits: the alternate screen is gone and the shell's marker shows a clean exit.
        try session.press("q")
        screen = try session.waitFor(text: "MP-EXITED-0")
        #expect(!session.alternateScreen)
        #expect(!screen.contains("┌─ Transcript"))
        #expect(session.logged("quit"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try TmuxSession(arguments: Self.demo)
        try session.waitFor(text: "┌─ Transcript")
        let pid = try #require(try session.programPID())
        kill(pid, SIGTERM)
        let screen = try session.waitFor(text: "MP-EXITED-")
        #expect(!session.alternateScreen)
        #expect(!screen.contains("┌─ Transcript"))
        #expect(session.logged("quit"), "the pipeline is told to stop")
    }

    @Test func ctrlCQuits() throws {
        let session = try TmuxSession(arguments: Self.demo)
        try session.waitFor(text: "┌─ Transcript")
        try session.press("C-c")
        try session.waitFor(text: "MP-EXITED-0")
        #expect(!session.alternateScreen)
    }

    @Test func aPipelineErrorIsPrintedAfterTheScreenIsRestored() throws {
        let session = try TmuxSession(arguments: Self.demo + ["--fail-after", "4"])
        let screen = try session.waitFor(text: "MP-EXITED-")
        #expect(!session.alternateScreen)
        #expect(screen.contains("Error: the scripted pipeline failed on purpose"))
        #expect(!screen.contains("MP-EXITED-0"))
        #expect(!screen.contains("┌─ Transcript"))
    }

    @Test func coloursFollowTheTerminalAndNoColor() throws {
        func coloured(_ environment: [String: String], term: String) throws -> String {
            let session = try TmuxSession(arguments: Self.demo, environment: environment, term: term)
            try session.waitFor(text: "■ FINISHED")
            let screen = try session.screen(colors: true)
            try session.press("q")
            return screen
        }
        let full = try coloured([:], term: "tmux-256color")
        #expect(full.contains("38;5;"), "256-colour terminals get palette colours")
        let basic = try coloured([:], term: "screen")
        #expect(!basic.contains("38;5;"), "8-colour terminals get basic colours only")
        #expect(basic.range(of: "\u{1b}\\[[0-9;]*3[0-7]m", options: .regularExpression) != nil)
        let none = try coloured(["NO_COLOR": "1"], term: "tmux-256color")
        #expect(none.range(of: "\u{1b}\\[[0-9;]*(3|4)[0-7](;|m)", options: .regularExpression) == nil, "NO_COLOR: no colours")
        #expect(none.contains("\u{1b}[7m") || none.contains(";7m"), "but reverse video still marks focus")
    }

    @Test func aBadThemeIsAOneLineErrorBeforeTheScreenStarts() throws {
        let result = try Binary.run(["tui-demo", "--theme", "solarized"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no theme named 'solarized'; available: dark, light, high-contrast"))
    }
}
