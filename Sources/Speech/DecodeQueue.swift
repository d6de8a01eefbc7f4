/// Jobs waiting for the recogniser. Finals are never dropped and keep their order; a newer
/// partial of the same segment replaces an older one that was not decoded yet ("latest wins").
actor DecodeQueue {
    struct Entry: Sendable {
        var job: SegmentStateMachine.Job
        var samples: [Float]
        var startSample: Int
    }

    private var entries: [Entry] = []
    private var waiter: CheckedContinuation<Entry?, Never>?
    private var closed = false

    var depth: Int { entries.count }

    func push(_ entry: Entry) {
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
        if !entries.isEmpty { return entries.removeFirst() }
        if closed { return nil }
        return await withCheckedContinuation { waiter = $0 }
    }

    private func resume() {
        guard let w = waiter else { return }
        if !entries.isEmpty {
            waiter = nil
            w.resume(returning: entries.removeFirst())
        } else if closed {
            waiter = nil
            w.resume(returning: nil)
        }
    }
}
