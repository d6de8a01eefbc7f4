import Foundation

/// Signals such as SIGINT and SIGTERM as a stop request instead of a kill: while it is set up,
/// each of them runs `onSignal` on a dispatch queue and the process goes on, so the screen can
/// restore the terminal and a meeting or a repeating job can finish cleanly. The previous
/// handlers come back on `cancel()`.
public final class StopSignals: @unchecked Sendable {
    // @unchecked: set up once in init, torn down once in cancel(), from the same task.
    private let sources: [any DispatchSourceSignal]
    private let previous: [(Int32, (@convention(c) (Int32) -> Void)?)]

    public init(_ signals: [Int32] = [SIGINT, SIGTERM], onSignal: @escaping @Sendable (Int32) -> Void) {
        var sources: [any DispatchSourceSignal] = []
        var previous: [(Int32, (@convention(c) (Int32) -> Void)?)] = []
        for sig in signals {
            previous.append((sig, signal(sig, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { onSignal(sig) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.previous = previous
    }

    public func cancel() {
        for source in sources { source.cancel() }
        for (sig, handler) in previous { signal(sig, handler) }
    }
}
