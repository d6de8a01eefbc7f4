import Core
import Foundation
import Synchronization

/// Where pipeline events and stop requests wait for the screen's thread. Posting writes one byte
/// to a pipe the screen's `poll` watches, so the screen sleeps until there is something to do.
/// Events are coalesced as they are posted (`EventQueue`), so a screen that cannot keep up never
/// makes the inbox, or the pipeline's event stream that drains into it, grow without bound.
final class Inbox: Sendable {
    enum Stop: Sendable, Equatable {
        case cancelled
        case signal(Int32)
    }

    private struct State {
        var events = EventQueue()
        var stop: Stop?
    }

    private let state = Mutex(State())
    let wakeRead: Int32
    private let wakeWrite: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    func post(_ event: PipelineEvent) {
        state.withLock { $0.events.append(event) }
        wake()
    }

    func requestStop(_ reason: Stop) {
        state.withLock { if $0.stop == nil { $0.stop = reason } }
        wake()
    }

    /// Everything posted since the last call.
    func take() -> (events: [PipelineEvent], stop: Stop?) {
        state.withLock { s in (s.events.take(), s.stop) }
    }

    /// A full pipe already means "wake up", so a failed write is fine.
    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    func drainWakeups() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}
