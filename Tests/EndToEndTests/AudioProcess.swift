import Foundation

/// The built `mockpilot` run with bytes on stdin, its output collected as it comes, so a test can
/// watch a live meeting and press Ctrl-C (SIGINT) once it has seen enough.
final class AudioProcess: @unchecked Sendable {
    // @unchecked: the buffers are only touched under `lock`; `process` is set up in init.
    private let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private var readers: [Thread] = []

    init(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdout = Pipe(), stderr = Pipe(), input = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input
        var readers: [Thread] = []
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            readers.append(Thread { [lock] in
                while true {
                    let data = pipe.fileHandleForReading.availableData
                    if data.isEmpty { return }
                    lock.withLock { if isError { self.err += data } else { self.out += data } }
                }
            })
        }
        self.readers = readers
        try process.run()
        for reader in readers { reader.start() }
        // Written from a thread of its own: a pipe holds 64 KB, the child reads as it decodes.
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Polls the output until `done` says so or `deadline` seconds pass; false on timeout.
    func waitForOutput(deadline seconds: Double, until done: (String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if done(stdout) { return true }
            if !process.isRunning { return done(stdout) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Ctrl-C.
    func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// The most resident memory the process has had so far (VmHWM), in bytes; 0 once it has ended.
    func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return kilobytes * 1024
    }

    /// The exit status, or nil if the process is still running after `deadline` seconds (it is
    /// then killed, so a failing test does not leave it behind).
    func wait(deadline seconds: Double) -> Int32? {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        // The readers finish once the pipes are drained.
        while readers.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.01) }
        return process.terminationStatus
    }

    /// Runs to the end and returns what it printed.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Binary.Result {
        let run = try AudioProcess(arguments, environment: environment, stdin: stdin)
        let status = run.wait(deadline: 300) ?? -1
        return Binary.Result(status: status, stdout: run.stdout, stderr: run.stderr)
    }
}

/// Speaks raw s16le 16 kHz mono into a FIFO at real-time pace, 640 bytes (one 20 ms ALSA period)
/// at a time, then keeps the line open with silence, as a microphone in a quiet room would. If the
/// reader closes the FIFO (`run` opens the device once to check it, then again to capture), it
/// waits for the next reader and starts the audio over.
final class PacedSpeaker: @unchecked Sendable {
    // @unchecked: `stopped` is only touched under `lock`.
    private let fifo: String
    private let audio: Data
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?
    static let period = 640

    init(fifo: String, audio: Data) {
        self.fifo = fifo
        self.audio = audio
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    func start() {
        signal(SIGPIPE, SIG_IGN)   // a reader going away must be an EPIPE, not the end of the tests
        let thread = Thread { self.speak() }
        self.thread = thread
        thread.start()
    }

    func stop() { lock.withLock { stopped = true } }

    private func speak() {
        let silence = [UInt8](repeating: 0, count: Self.period)
        let bytes = [UInt8](audio)
        while !isStopped {
            // Non-blocking open fails until a reader is there, so stop() is noticed meanwhile.
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd < 0 {
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            let began = Date()
            var offset = 0, periods = 0
            while !isStopped {
                let chunk = offset < bytes.count ? Array(bytes[offset..<min(bytes.count, offset + Self.period)]) : silence
                let padded = chunk.count == Self.period ? chunk : chunk + [UInt8](repeating: 0, count: Self.period - chunk.count)
                guard padded.withUnsafeBytes({ write(fd, $0.baseAddress, Self.period) }) == Self.period else { break }
                offset += Self.period
                periods += 1
                // An absolute schedule, so a late wake-up does not slow the speech down.
                let due = began.addingTimeInterval(Double(periods) * 0.02)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
            close(fd)
        }
    }
}
