import Core
import Testing
@testable import Trigger

@Suite struct TriggerStateMachineTests {
    func intent(_ id: String, cue: Bool = false) -> IntentMsg {
        IntentMsg(utteranceID: id, component: .button, confidence: 0.9, cue: cue)
    }

    @Test func anIntentWaitsForOneAndAHalfSecondsOfSilence() {
        var t = TriggerStateMachine()
        #expect(t.intent(intent("u1"), at: 10) == nil)
        #expect(t.tick(now: 11.4) == nil)
        t.speech(endingAt: 11.0)                          // someone kept talking
        #expect(t.tick(now: 12.4) == nil)
        #expect(t.tick(now: 12.5) == .generate([intent("u1")], reason: .silence))
        #expect(t.pendingCount == 0)
    }

    @Test func aCueFiresAtOnce() {
        var t = TriggerStateMachine()
        #expect(t.intent(intent("u1", cue: true), at: 3) == .generate([intent("u1", cue: true)], reason: .cue))
    }

    @Test func atMostOneGenerationPerDebounceWindow() {
        var t = TriggerStateMachine()
        _ = t.intent(intent("u1", cue: true), at: 0)
        #expect(t.intent(intent("u2", cue: true), at: 2) == nil)
        #expect(t.nextDeadline == 5)
        #expect(t.tick(now: 4.9) == nil)
        #expect(t.tick(now: 5) == .generate([intent("u2", cue: true)], reason: .cue))
    }

    @Test func pendingIntentsAreGeneratedTogetherInOrder() {
        var t = TriggerStateMachine()
        _ = t.intent(intent("u1", cue: true), at: 0)
        _ = t.intent(intent("u2"), at: 1)
        _ = t.intent(intent("u3"), at: 2)
        #expect(t.tick(now: 5.0) == .generate([intent("u2"), intent("u3")], reason: .silence))
    }

    @Test func aRedeliveredIntentChangesNothing() {
        var t = TriggerStateMachine()
        _ = t.intent(intent("u1", cue: true), at: 0)
        #expect(t.intent(intent("u1", cue: true), at: 9) == nil)
        #expect(t.pendingCount == 0)
    }

    @Test func aKeyPressIgnoresTheDebounceButNeedsSomethingPending() {
        var t = TriggerStateMachine()
        #expect(t.generateNow(at: 0) == .nothingPending)
        _ = t.intent(intent("u1", cue: true), at: 0)
        _ = t.intent(intent("u2"), at: 0.5)
        #expect(t.generateNow(at: 0.6) == .generate([intent("u2")], reason: .manual))
    }

    @Test func pausingHoldsIntentsUntilResumed() {
        var t = TriggerStateMachine()
        t.setPaused(true)
        #expect(t.intent(intent("u1", cue: true), at: 0) == nil)
        #expect(t.tick(now: 20) == nil)
        t.setPaused(false)
        #expect(t.tick(now: 21) == .generate([intent("u1", cue: true)], reason: .cue))
    }
}
