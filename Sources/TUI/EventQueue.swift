import Core

/// Pipeline events waiting for the screen's thread, coalesced as they arrive ("latest wins"), so a
/// screen that falls behind (a slow terminal, a stalled ssh session) holds no more than it would
/// still show: the latest status, audio report, insight and notice, the latest text of each
/// transcript line, and no more lines than the transcript pane keeps. Applying the queue to a
/// `MeetingViewModel` gives the same model as applying every event that went into it.
///
/// Each append is O(1): a superseded event leaves an empty slot behind, and the slots are
/// compacted once they outnumber the live events.
struct EventQueue: Sendable {
    private enum Latest: Hashable {
        case status, slow, insight, note, model
    }

    private var slots: [PipelineEvent?] = []
    private(set) var count = 0
    private var latest: [Latest: Int] = [:]
    private var transcriptSlot: [String: Int] = [:]
    private var intentSlot: [String: Int] = [:]
    /// Slots of transcript lines, oldest first from `oldestTranscript`, for pushing the oldest out.
    private var transcriptOrder: [Int] = []
    private var oldestTranscript = 0

    var isEmpty: Bool { count == 0 }
    var events: [PipelineEvent] { slots.compactMap { $0 } }

    mutating func append(_ event: PipelineEvent) {
        switch event {
        case .status:
            // A new slot, not the old one: a status after `.slow` clears the slow mark, so order matters.
            replaceLatest(.status, with: event)
        case .slow:
            replaceLatest(.slow, with: event)
        case .insight:
            replaceLatest(.insight, with: event)
        case .model:
            // The status line shows only the newest model activity.
            replaceLatest(.model, with: event)
        case .warning, .notice:
            // The model keeps only the newest line of either kind.
            replaceLatest(.note, with: event)
        case .transcript(let u):
            // In place: the model keeps a line where it first appeared.
            if let i = transcriptSlot[u.id] {
                slots[i] = event
                return
            }
            transcriptSlot[u.id] = add(event)
            transcriptOrder.append(slots.count - 1)
            if transcriptOrder.count - oldestTranscript > MeetingViewModel.maxLines {
                // The pane would push the oldest line out anyway.
                dropOldestTranscript()
            }
        case .intent(let intent, let triggered):
            // Reported when found and again when triggered; the model keeps one row, triggered once either said so.
            if let i = intentSlot[intent.utteranceID], case .intent(_, let wasTriggered)? = slots[i] {
                slots[i] = .intent(intent, triggered: triggered || wasTriggered)
                return
            }
            intentSlot[intent.utteranceID] = add(event)
        case .suggestion, .spec, .component, .componentFailed, .speaker, .finished:
            _ = add(event)
        }
        if slots.count > 2 * count + 64 { compact() }
    }

    /// Everything queued, oldest first, leaving the queue empty.
    mutating func take() -> [PipelineEvent] {
        let taken = events
        self = EventQueue()
        return taken
    }

    private mutating func add(_ event: PipelineEvent) -> Int {
        slots.append(event)
        count += 1
        return slots.count - 1
    }

    private mutating func replaceLatest(_ kind: Latest, with event: PipelineEvent) {
        if let i = latest[kind] { clear(i) }
        latest[kind] = add(event)
    }

    private mutating func clear(_ i: Int) {
        guard slots[i] != nil else { return }
        slots[i] = nil
        count -= 1
    }

    private mutating func dropOldestTranscript() {
        let i = transcriptOrder[oldestTranscript]
        oldestTranscript += 1
        if case .transcript(let u)? = slots[i] { transcriptSlot[u.id] = nil }
        clear(i)
    }

    /// Drops the empty slots; every index is rebuilt from the events that are left.
    private mutating func compact() {
        let kept = events
        self = EventQueue()
        for event in kept { append(event) }
    }
}
