import Core
import Dispatch
import Foundation
import ServiceLifecycle
import Synchronization

/// What SIGINT and SIGTERM do to a running `ServiceGroup`, for `run` and `serve` alike: the first
/// asks it to finish gracefully; a second cancels it, and since what cannot stop at a suspension
/// point (a hook process the meeting waits for) must not hold the user up, the process ends 2 s
/// later.
enum SignalShutdown {
    static func install(group: ServiceGroup, running: Task<Void, Error>) -> StopSignals {
        let signals = Mutex(0)
        return StopSignals { _ in
            let count = signals.withLock { n in
                n += 1
                return n
            }
            if count == 1 {
                Task { await group.triggerGracefulShutdown() }
            } else {
                running.cancel()
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) { _exit(130) }
            }
        }
    }
}
