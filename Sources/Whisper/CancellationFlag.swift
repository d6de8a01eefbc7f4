import Foundation

/// Asks a decode that runs off the task tree (on a dispatch queue, as live recognition does) to
/// stop at its next token: `Task.isCancelled` is never true there. Set it from a task's
/// cancellation handler.
public final class CancellationFlag: @unchecked Sendable {
    // @unchecked: both fields are only touched under `lock`.
    private let lock = NSLock()
    private var cancelled = false
    private var looks = 0

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }

    /// Whether to stop; each read counts as one look.
    public var isCancelled: Bool {
        lock.withLock {
            looks += 1
            return cancelled
        }
    }

    /// How often the decoder has looked (once per token and per window), so a test can cancel
    /// in the middle of a decode and see how soon it stopped.
    public var checks: Int { lock.withLock { looks } }
}
