import Foundation

/// A pipe read to its end on a thread of its own, so a child that fills it while the test waits on
/// another pipe cannot block.
public final class Drained: @unchecked Sendable {
    // @unchecked: `data` is written once by the reading thread, and read only after `done`.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the pipe has closed.
    public func wait() -> Data {
        done.wait()
        return data
    }
}
