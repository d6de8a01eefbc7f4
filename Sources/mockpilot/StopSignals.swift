import Foundation

/// SIGINT and SIGTERM as a stop request while `run` prints JSON Lines, instead of killing the
/// process mid-meeting: the handler runs once on a dispatch queue, and the previous handlers
/// come back on `cancel()`.
final class StopSignals: @unchecked Sendable {
    // @unchecked: set up once in init, torn down once in cancel(), from the same task.
    private let sources: [any DispatchSourceSignal]
    private let previous: [(Int32, (@convention(c) (Int32) -> Void)?)]

    init(onStop: @escaping @Sendable () -> Void) {
        var sources: [any DispatchSourceSignal] = []
        var previous: [(Int32, (@convention(c) (Int32) -> Void)?)] = []
        for sig in [SIGINT, SIGTERM] {
            previous.append((sig, signal(sig, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler(handler: onStop)
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.previous = previous
    }

    func cancel() {
        for source in sources { source.cancel() }
        for (sig, handler) in previous { signal(sig, handler) }
    }
}
