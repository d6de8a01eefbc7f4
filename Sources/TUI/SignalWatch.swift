import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a stop request while the screen runs, so the terminal
/// is restored before the process goes; the previous handlers come back afterwards.
final class SignalWatch {
    private let sources: [any DispatchSourceSignal]
    private let previous: [(Int32, (@convention(c) (Int32) -> Void)?)]

    init(inbox: Inbox) {
        var sources: [any DispatchSourceSignal] = []
        var previous: [(Int32, (@convention(c) (Int32) -> Void)?)] = []
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            previous.append((sig, signal(sig, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { inbox.requestStop(.signal(sig)) }
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
