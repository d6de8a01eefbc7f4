import Synchronization

/// The work a meeting does beside its stages: model calls, model classifications, `post_generate`
/// and `on_insight` hooks, insight queries. The meeting only asks for it; `MeetingService.run()`
/// runs each piece as a child task of its one task group, so a shutdown waits for it or cancels it
/// instead of leaving it loose. The meeting keeps a `WorkHandle` per piece to cancel it (a newer
/// spec for a component, the latest insight query wins) or wait for it (the end of the meeting).
final class MeetingWork: Sendable {
    /// One piece of work, waiting for the service to start it.
    struct Job: Sendable {
        let priority: TaskPriority
        let handle: WorkHandle
        let body: @Sendable () async -> Void

        /// Runs `body`; `handle.cancel()` cancels it, as cancelling its own task would. Work
        /// cancelled before it started still runs, cancelled, as a cancelled `Task` does, so it
        /// can say it was dropped. Only work left when the service closes never runs.
        func run() async {
            guard handle.begin() else { return }
            await withTaskGroup(of: Void.self) { race in
                race.addTask { await body() }
                race.addTask { await handle.cancellation() }
                // Whichever ends first, the other is cancelled: the work on `cancel()`, the watcher
                // once the work is done. Both have ended when the group returns.
                _ = await race.next()
                race.cancelAll()
            }
            handle.end()
        }
    }

    let jobs: AsyncStream<Job>
    private let queue: AsyncStream<Job>.Continuation
    /// Every handle not yet ended, so `close()` can cancel what runs and end what never will.
    private let open = Mutex<(closed: Bool, handles: [ObjectIdentifier: WorkHandle])>((false, [:]))

    init() {
        // Unbounded: a piece of work is asked for at most once per line, spec or component, and
        // dropping one would leave its handle waited for in vain.
        (jobs, queue) = AsyncStream.makeStream(of: Job.self, bufferingPolicy: .unbounded)
    }

    /// Asks for `body` to run beside the meeting. After `close()` it never runs: its handle is ended.
    @discardableResult
    func start(priority: TaskPriority, _ body: @escaping @Sendable () async -> Void) -> WorkHandle {
        let handle = WorkHandle()
        let accepted = open.withLock { state in
            guard !state.closed else { return false }
            state.handles[ObjectIdentifier(handle)] = handle
            return true
        }
        guard accepted else {
            handle.end()
            return handle
        }
        handle.onEnd { [weak self] in self?.forget(handle) }
        queue.yield(Job(priority: priority, handle: handle, body: body))
        return handle
    }

    /// No more work: what runs is cancelled (the service waits for it to stop), what has not
    /// started never will.
    func close() {
        let left = open.withLock { state in
            state.closed = true
            return Array(state.handles.values)
        }
        queue.finish()
        for handle in left { handle.cancel(endingIfWaiting: true) }
    }

    private func forget(_ handle: WorkHandle) {
        _ = open.withLock { $0.handles.removeValue(forKey: ObjectIdentifier(handle)) }
    }
}

/// One piece of the meeting's work: cancel it, or wait until it has ended.
final class WorkHandle: Sendable {
    private struct State {
        var started = false
        var cancelled = false
        var ended = false
        /// The running job's watcher, resumed by `cancel()` or when the job is done.
        var watcher: CheckedContinuation<Void, Never>?
        var watcherReleased = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var endActions: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    /// Cancels the work's task (before it starts: it starts cancelled).
    func cancel() {
        cancel(endingIfWaiting: false)
    }

    /// As `cancel()`; with `endingIfWaiting`, work that has not started is ended at once, as no
    /// one will start it any more.
    fileprivate func cancel(endingIfWaiting: Bool) {
        let (watcher, notStarted) = state.withLock { s -> (CheckedContinuation<Void, Never>?, Bool) in
            s.cancelled = true
            defer { s.watcher = nil }
            return (s.watcher, !s.started)
        }
        watcher?.resume()
        if endingIfWaiting && notStarted { end() }
    }

    /// Waits until the work has ended (run to its end, or stopped after a cancel).
    func value() async {
        await withCheckedContinuation { c in
            let ended = state.withLock { s in
                if !s.ended { s.waiting.append(c) }
                return s.ended
            }
            if ended { c.resume() }
        }
    }

    /// True if the work is to run now; false if it was ended (by `close()`) before it started.
    fileprivate func begin() -> Bool {
        state.withLock { s in
            guard !s.ended else { return false }
            s.started = true
            return true
        }
    }

    /// Returns once `cancel()` is called or the calling task is cancelled.
    fileprivate func cancellation() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { c in
                let now = state.withLock { s in
                    if !s.cancelled && !s.watcherReleased { s.watcher = c }
                    return s.cancelled || s.watcherReleased
                }
                if now { c.resume() }
            }
        } onCancel: {
            let watcher = state.withLock { s in
                s.watcherReleased = true
                defer { s.watcher = nil }
                return s.watcher
            }
            watcher?.resume()
        }
    }

    fileprivate func end() {
        let (waiting, actions) = state.withLock { s -> ([CheckedContinuation<Void, Never>], [@Sendable () -> Void]) in
            guard !s.ended else { return ([], []) }
            s.ended = true
            defer { (s.waiting, s.endActions) = ([], []) }
            return (s.waiting, s.endActions)
        }
        for action in actions { action() }
        for c in waiting { c.resume() }
    }

    fileprivate func onEnd(_ action: @escaping @Sendable () -> Void) {
        let now = state.withLock { s in
            if !s.ended { s.endActions.append(action) }
            return s.ended
        }
        if now { action() }
    }
}
