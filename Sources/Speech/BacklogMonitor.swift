/// Decides which changes of the recognition queue's depth the meeting hears about, so the
/// status line shows when recognition falls behind and when it has caught up, without an
/// event for every job in normal running. Reported: every depth while above the threshold
/// (slow), the first depth back at or below it (the slow signal clears), and the return to an
/// empty queue (so the status line does not keep showing the depth it recovered at).
public struct BacklogMonitor: Sendable, Equatable {
    public struct Report: Sendable, Equatable {
        public var queued: Int
        /// More than `threshold` segments wait: the original design's {"type":"slow"}.
        public var slow: Bool
    }

    public let threshold: Int
    private var reported = 0

    public init(threshold: Int) {
        precondition(threshold >= 0, "the slow threshold cannot be negative")
        self.threshold = threshold
    }

    /// The queue now holds `depth` jobs.
    public mutating func update(depth: Int) -> Report? {
        guard depth != reported else { return nil }
        let wasSlow = reported > threshold
        let report = depth > threshold || wasSlow || depth == 0
        guard report else { return nil }
        reported = depth
        return Report(queued: depth, slow: depth > threshold)
    }
}
