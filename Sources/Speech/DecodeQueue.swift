/// Jobs waiting for the recogniser. Finals are never dropped and keep their order; a newer
/// partial of the same segment replaces an older one that was not decoded yet ("latest wins"),
/// and no partial waits behind a final: when recognition is behind, finals come first.
actor DecodeQueue {
    struct Entry: Sendable {
        var job: SegmentStateMachine.Job
        var samples: [Float]
        var startSample: Int
    }

    private var entries: [Entry] = []
    private var waiter: CheckedContinuation<Entry?, Never>?
    private var drainWaiters: [(limit: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var closed = false

    var depth: Int { entries.count }

    func push(_ entry: Entry) {
        if !entry.job.isFinal && entries.contains(where: \.job.isFinal) { return }
        if !entry.job.isFinal, let i = entries.firstIndex(where: { !$0.job.isFinal && $0.job.segment == entry.job.segment }) {
            entries[i] = entry
        } else {
            if entry.job.isFinal { entries.removeAll { !$0.job.isFinal && $0.job.segment == entry.job.segment } }
            entries.append(entry)
        }
        resume()
    }

    func close() {
        closed = true
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
        let ready = drainWaiters.filter { entries.count <= $0.limit }
        drainWaiters.removeAll { entries.count <= $0.limit }
        for w in ready { w.continuation.resume() }
        return entry
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
