import Foundation

/// Counts chunks a bounded stream had to drop. Written by a capture thread, read by the UI.
public final class DropCounter: @unchecked Sendable {
    // A lock rather than an atomic: Synchronization's types need macOS 15 and this is not hot.
    private let lock = NSLock()
    private var value = 0

    public init() {}

    public var count: Int { lock.withLock { value } }

    func add(_ n: Int = 1) { lock.withLock { value += n } }
}
