/// One meeting's pipeline events as `/events` serves them: JSON lines numbered from 1, of which
/// the newest `capacity` are kept, so a client that reconnects with `Last-Event-ID` is given what
/// it missed. Followers pull (`read(after:)`) instead of each having a buffer pushed to: a slow
/// follower costs nothing, and one that falls further behind than the buffer sees the gap in ids.
actor EventLog {
    struct Entry: Sendable, Equatable {
        let id: Int
        let line: String
    }

    let capacity: Int
    /// The retained events, oldest first; trimmed in bulk once twice the capacity is held.
    private var entries: [Entry] = []
    private var lastID = 0
    private(set) var finished = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        precondition(capacity > 0, "an event log must keep at least one event")
        self.capacity = capacity
    }

    func append(_ line: String) {
        guard !finished else { return }
        lastID += 1
        entries.append(Entry(id: lastID, line: line))
        if entries.count >= 2 * capacity { entries.removeFirst(entries.count - capacity) }
        wake()
    }

    /// No more events follow; followers get what is left, then nil.
    func finish() {
        finished = true
        wake()
    }

    /// The events after `id` still retained (waiting for one if there are none yet), or nil once
    /// the meeting has finished and the follower has had everything.
    func read(after id: Int) async -> [Entry]? {
        while true {
            let newer = retained(after: id)
            if !newer.isEmpty { return newer }
            if finished { return nil }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    /// The events after `id` still retained, without waiting for more.
    func retained(after id: Int) -> [Entry] { retained.filter { $0.id > id } }

    func waitUntilFinished() async {
        while !finished { await withCheckedContinuation { waiters.append($0) } }
    }

    /// The id of the oldest event still retained (1 before any was dropped).
    var oldestRetained: Int { retained.first?.id ?? lastID + 1 }

    private var retained: ArraySlice<Entry> { entries.suffix(capacity) }

    private func wake() {
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }
}
