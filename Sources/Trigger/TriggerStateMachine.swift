import Core

/// Decides when talk becomes code. Plain value: events in, actions out, time passed in by the caller
/// (transcript timestamps on replay, the wall clock when live), so tests need no sleeping.
///
/// Rules: an intent waits for `silence` seconds without speech, or fires at once when it carries a
/// cue ("let's build", "mock up"); at most one generation per `debounce` window (later ones wait for
/// the window to end); a key press generates at once whatever is pending.
public struct TriggerStateMachine: Sendable {
    public struct Settings: Sendable, Hashable {
        public var silence: Double
        public var debounce: Double
        public init(silence: Double = 1.5, debounce: Double = 5.0) {
            self.silence = silence
            self.debounce = debounce
        }
    }

    public enum Action: Sendable, Hashable {
        /// Generate these intents, in order, now.
        case generate([IntentMsg], reason: Reason)
        /// A key press found nothing to generate.
        case nothingPending
    }

    public enum Reason: String, Sendable, Hashable, Codable {
        case silence, cue, manual
    }

    public let settings: Settings
    private var pending: [IntentMsg] = []
    private var seen: Set<String> = []
    private var lastSpeechEnd: Double = -.infinity
    private var lastGeneration: Double = -.infinity
    private var cueWaiting = false
    private var paused = false

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    public var pendingCount: Int { pending.count }

    /// Someone spoke until `end`; silence is measured from here.
    public mutating func speech(endingAt end: Double) {
        lastSpeechEnd = max(lastSpeechEnd, end)
    }

    /// A published intent from an utterance that ended at `time`. Redelivered intents change nothing.
    public mutating func intent(_ intent: IntentMsg, at time: Double) -> Action? {
        guard seen.insert(intent.utteranceID).inserted else { return nil }
        speech(endingAt: time)
        pending.append(intent)
        if intent.cue { cueWaiting = true }
        return tick(now: time)
    }

    /// Time moved on with nobody speaking (or the clock ticked while live).
    public mutating func tick(now: Double) -> Action? {
        guard !pending.isEmpty, !paused else { return nil }
        guard now - lastGeneration >= settings.debounce else { return nil }
        if cueWaiting {
            return fire(now: now, reason: .cue)
        }
        if now - lastSpeechEnd >= settings.silence {
            return fire(now: now, reason: .silence)
        }
        return nil
    }

    /// The user asked to generate now: debounce does not apply.
    public mutating func generateNow(at now: Double) -> Action {
        pending.isEmpty ? .nothingPending : fire(now: now, reason: .manual)
    }

    /// While paused intents still queue up; nothing fires until resumed.
    public mutating func setPaused(_ value: Bool) {
        paused = value
    }

    /// The earliest time at which `tick` could fire, for a live clock to sleep until.
    public var nextDeadline: Double? {
        guard !pending.isEmpty, !paused else { return nil }
        let debounceEnd = lastGeneration + settings.debounce
        return cueWaiting ? debounceEnd : max(debounceEnd, lastSpeechEnd + settings.silence)
    }

    private mutating func fire(now: Double, reason: Reason) -> Action {
        let batch = pending
        pending.removeAll()
        cueWaiting = false
        lastGeneration = now
        return .generate(batch, reason: reason)
    }
}
