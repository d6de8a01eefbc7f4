import Foundation

/// A one-line progress bar on stderr, redrawn at most every 1% (only for imports worth one).
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastPercent = -1
    private var drawn = false

    func update(_ done: Int, of total: Int) {
        guard total >= 100 else { return }
        let percent = done * 100 / total
        lock.withLock {
            guard percent != lastPercent else { return }
            lastPercent = percent
            drawn = true
            let filled = percent * 30 / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) posts".utf8))
        }
    }

    func finish() {
        lock.withLock { if drawn { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}

/// Turns SIGINT and SIGTERM into cancelling one task, so a repeating job stops between
/// batches with its last batch stored, instead of dying in the middle of a write.
final class StopOnSignal {
    private let sources: [any DispatchSourceSignal]

    init(cancelling task: Task<Void, Error>) {
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
