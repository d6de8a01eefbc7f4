import Foundation

/// A PulseAudio daemon of the test's own, in user mode under a temporary runtime folder, never
/// the system's: a null sink `call` (the default, so `@DEFAULT_MONITOR@` is `call.monitor`) and a
/// native-protocol socket in that folder. `play` puts a WAV through a sink at real-time pace with
/// `paplay`, as a call application would. `stop()` ends the daemon it started, by its pid.
public final class PulseServer: @unchecked Sendable {
    // @unchecked: set up in init, then only read; `stop` runs once, from the test's own thread.
    public let directory: String
    public let socket: String
    /// Spawned directly, not as a Foundation `Process`: pulseaudio closes every inherited file
    /// descriptor at start, Foundation's exit pipe included, and Foundation then blocks its
    /// process monitor in wait4 on the daemon, so no other child (paplay) is ever seen to exit.
    private var pid: pid_t = 0

    /// `unix:/…/native`: what PULSE_SERVER or a source's `server` takes.
    public var address: String { "unix:" + socket }

    /// For a child process (`paplay`, the `mockpilot` binary) to use this server alone.
    public var environment: [String: String] {
        ["PULSE_SERVER": address, "XDG_RUNTIME_DIR": directory, "HOME": directory, "PULSE_COOKIE": directory + "/cookie"]
    }

    /// `extraSinks`: more null sinks beside `call`. `microphones`: sources by name, each an
    /// ordinary (non-monitor) source carrying what is played into the sink it names, as a
    /// microphone in a room hears the room.
    public init(extraSinks: [String] = [], microphones: [(source: String, sink: String)] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-\(getpid())-\(UUID().uuidString.prefix(8))").path
        socket = directory + "/native"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var arguments = ["--daemonize=no", "--exit-idle-time=-1", "-n", "--use-pid-file=no", "--disable-shm=yes",
                         "--log-level=error", "--load=module-null-sink sink_name=call rate=48000"]
        arguments += extraSinks.map { "--load=module-null-sink sink_name=\($0) rate=48000" }
        arguments += microphones.map { "--load=module-remap-source master=\($0.sink).monitor source_name=\($0.source)" }
        arguments.append("--load=module-native-protocol-unix socket=\(socket) auth-anonymous=1")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pulseaudio") else {
            throw Failure("no /usr/bin/pulseaudio: run `make deps` (Debian pulseaudio, pulseaudio-utils)")
        }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        let argv = (["/usr/bin/pulseaudio"] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        let rc = posix_spawn(&pid, "/usr/bin/pulseaudio", &actions, nil, argv, envp)
        guard rc == 0 else { throw Failure("cannot start pulseaudio: \(String(cString: strerror(rc)))") }
        // Ready once its socket takes connections.
        let deadline = Date().addingTimeInterval(15)
        while !Self.accepts(socket) {
            guard isRunning, Date() < deadline else {
                stop()
                throw Failure("pulseaudio did not start on \(socket)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    deinit { stop() }

    /// Whether a Unix socket at `path` accepts a connection.
    static func accepts(_ path: String) -> Bool {
        let fd = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }

    /// Plays `wav` into `sink` at real-time pace; returns the running `paplay`.
    public func play(_ wav: String, sink: String = "call") throws -> Process {
        let player = Process()
        player.executableURL = URL(fileURLWithPath: "/usr/bin/paplay")
        player.arguments = ["--device=\(sink)", wav]
        player.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        player.standardOutput = FileHandle.nullDevice
        player.standardError = FileHandle.nullDevice
        try player.run()
        return player
    }

    /// Whether the daemon still runs (reaping it if it has ended).
    private var isRunning: Bool {
        guard pid > 0 else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { pid = 0 }
        return pid > 0
    }

    /// Ends the daemon (SIGTERM to its pid, waited for) and removes its folder.
    public func stop() {
        if isRunning {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            pid = 0
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
