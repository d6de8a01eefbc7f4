/// Jobs waiting for the recogniser. Finals are never dropped and keep their order. Partials
/// and speculative finals are provisional: a segment has at most one waiting, the newest
/// ("latest wins"), and its final replaces it. No partial waits behind a final: when
/// recognition is behind, finals come first. A speculative final may, since it is the next
/// final's work done early.
actor DecodeQueue {
    struct Entry: Sendable {
        var job: SegmentStateMachine.Job
        var samples: [Float]
        var startSample: Int
    }

    private var entries: [Entry] = []
    private var backlog: BacklogMonitor?
    private let report: @Sendable (BacklogMonitor.Report) -> Void
    private var waiter: CheckedContinuation<Entry?, Never>?
    private var drainWaiters: [(limit: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var closed = false
    /// The recogniser has gone (cancelled): nothing will be taken any more.
    private var stopped = false

    /// With a `backlog` monitor, every depth change is put to it and what it decides to
    /// report is passed to `report`, from inside the queue (so reports keep their order).
    init(backlog: BacklogMonitor? = nil, report: @escaping @Sendable (BacklogMonitor.Report) -> Void = { _ in }) {
        self.backlog = backlog
        self.report = report
    }

    var depth: Int { entries.count }

    func push(_ entry: Entry) {
        guard !stopped else { return }
        defer { depthChanged() }
        let segment = entry.job.segment
        let provisional = entries.firstIndex { !$0.job.isFinal && $0.job.segment == segment }
        switch entry.job {
        case .final:
            if let provisional { entries.remove(at: provisional) }
            entries.append(entry)
        case .partial where entries.contains(where: \.job.isFinal):
            // Speech went on, so a waiting speculation of this segment is stale too.
            if let provisional { entries.remove(at: provisional) }
            return
        case .partial, .speculative:
            if let provisional { entries[provisional] = entry } else { entries.append(entry) }
        }
        resume()
    }

    func close() {
        closed = true
        resume()
    }

    /// The recogniser will take nothing more: jobs are dropped and whoever waits for room or
    /// for a job is let go, so a cancelled meeting cannot hang on its queue.
    func stop() {
        stopped = true
        closed = true
        entries.removeAll()
        depthChanged()
        for w in drainWaiters { w.continuation.resume() }
        drainWaiters.removeAll()
        resume()
    }

    /// The next job, or nil once closed and empty.
    func next() async -> Entry? {
        if !entries.isEmpty { return take() }
        if closed { return nil }
        return await withCheckedContinuation { waiter = $0 }
    }

    /// Waits until at most `limit` jobs are queued: a recorded file is read no faster than it
    /// can be recognised, so its audio waits on disk instead of in memory.
    func waitUntilDepth(atMost limit: Int) async {
        if entries.count <= limit { return }
        await withCheckedContinuation { drainWaiters.append((limit, $0)) }
    }

    private func take() -> Entry {
        let entry = entries.removeFirst()
        depthChanged()
        let ready = drainWaiters.filter { entries.count <= $0.limit }
        drainWaiters.removeAll { entries.count <= $0.limit }
        for w in ready { w.continuation.resume() }
        return entry
    }

    private func depthChanged() {
        guard var monitor = backlog else { return }
        let decided = monitor.update(depth: entries.count)
        backlog = monitor
        if let decided { report(decided) }
    }

    private func resume() {
        guard let w = waiter else { return }
        if !entries.isEmpty {
            waiter = nil
            w.resume(returning: take())
        } else if closed {
            waiter = nil
            w.resume(returning: nil)
        }
    }
}
