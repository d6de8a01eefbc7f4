import Speaker
import Testing

/// The online clustering on hand-made embeddings: two directions far apart stand for two
/// voices, small perturbations of one for the same voice heard again.
@Suite struct SpeakerStateMachineTests {
    /// A unit-ish vector near axis `axis` of an 8-d space, nudged by `wobble` along `toward`.
    static func voice(_ axis: Int, wobble: Float = 0, toward: Int = 7) -> [Float] {
        var v = [Float](repeating: 0, count: 8)
        v[axis] = 1
        v[toward] += wobble
        return v
    }

    @Test func theFirstUtteranceOpensSpeakerOne() {
        var machine = SpeakerStateMachine()
        #expect(machine.utterance(embedding: Self.voice(0), duration: 3) == .opened(speaker: 1))
        #expect(machine.speakerCount == 1)
    }

    @Test func aVoiceHeardAgainJoinsItsSpeakerAndANewVoiceOpensTheNext() {
        var machine = SpeakerStateMachine()
        let labels = [Self.voice(0), Self.voice(1), Self.voice(0, wobble: 0.2), Self.voice(2), Self.voice(1, wobble: 0.3),
                      Self.voice(2, wobble: 0.1), Self.voice(0, wobble: 0.1, toward: 6)]
            .map { machine.utterance(embedding: $0, duration: 2).speaker }
        #expect(labels == [1, 2, 1, 3, 2, 3, 1])
        #expect(machine.speakerCount == 3)
    }

    @Test func joiningReportsTheSimilarityToTheCentroid() {
        var machine = SpeakerStateMachine(configuration: .init(threshold: 0.9))
        _ = machine.utterance(embedding: Self.voice(0), duration: 2)
        guard case .joined(let speaker, let similarity) = machine.utterance(embedding: Self.voice(0, wobble: 0.25), duration: 2) else {
            Issue.record("a slightly different take of the same voice should join speaker 1")
            return
        }
        #expect(speaker == 1)
        #expect(abs(similarity - 1 / (1 + 0.25 * 0.25).squareRoot()) < 1e-5)
    }

    @Test func belowTheThresholdIsAnotherSpeaker() {
        // cos(voice(0), voice(0, wobble: 1)) = 0.707: one speaker at 0.7, two at 0.75.
        var loose = SpeakerStateMachine(configuration: .init(threshold: 0.7))
        var strict = SpeakerStateMachine(configuration: .init(threshold: 0.75))
        _ = loose.utterance(embedding: Self.voice(0), duration: 2)
        _ = strict.utterance(embedding: Self.voice(0), duration: 2)
        #expect(loose.utterance(embedding: Self.voice(0, wobble: 1), duration: 2).speaker == 1)
        #expect(strict.utterance(embedding: Self.voice(0, wobble: 1), duration: 2).speaker == 2)
    }

    @Test func theCentroidFollowsTheSpeakersMeanVoice() {
        // Speaker 1 is heard first at voice(0), then twice drifting toward axis 7: the centroid
        // moves with it, so a take further along, beyond the threshold from the first
        // utterance alone, still joins speaker 1.
        var machine = SpeakerStateMachine(configuration: .init(threshold: 0.8))
        _ = machine.utterance(embedding: Self.voice(0), duration: 2)
        _ = machine.utterance(embedding: Self.voice(0, wobble: 0.6), duration: 2)
        _ = machine.utterance(embedding: Self.voice(0, wobble: 0.7), duration: 2)
        let far = Self.voice(0, wobble: 0.9)
        #expect(SpeakerStateMachine.cosine(far, Self.voice(0)) < 0.8)
        #expect(machine.utterance(embedding: far, duration: 2) == .joined(
            speaker: 1, similarity: SpeakerStateMachine.cosine(far, [3, 0, 0, 0, 0, 0, 0, 1.3])))
    }

    @Test func aShortUtteranceInheritsThePreviousSpeakerAndMovesNoCentroid() {
        var machine = SpeakerStateMachine(configuration: .init(threshold: 0.9, minimumDuration: 1.0))
        _ = machine.utterance(embedding: Self.voice(0), duration: 2)
        _ = machine.utterance(embedding: Self.voice(1), duration: 2)
        // "Yes." in voice 0, but too short to trust: it stays with speaker 2, who spoke last.
        #expect(machine.utterance(embedding: Self.voice(0), duration: 0.4) == .inherited(speaker: 2))
        // A short utterance of a third voice opens nobody.
        #expect(machine.utterance(embedding: Self.voice(2), duration: 0.9) == .inherited(speaker: 2))
        #expect(machine.speakerCount == 2)
        // Speaker 2's centroid is still exactly voice(1).
        #expect(machine.utterance(embedding: Self.voice(1), duration: 1.0) == .joined(speaker: 2, similarity: 1))
    }

    @Test func aShortFirstUtteranceStillOpensSpeakerOne() {
        var machine = SpeakerStateMachine()
        #expect(machine.utterance(embedding: Self.voice(0), duration: 0.3) == .opened(speaker: 1))
    }

    @Test func pastTheMaximumAnUtteranceJoinsTheNearestSpeaker() {
        var machine = SpeakerStateMachine(configuration: .init(threshold: 0.9, maximumSpeakers: 2))
        _ = machine.utterance(embedding: Self.voice(0), duration: 2)
        _ = machine.utterance(embedding: Self.voice(1), duration: 2)
        let third = Self.voice(2, wobble: 0.5, toward: 1)
        #expect(machine.utterance(embedding: third, duration: 2).speaker == 2)
        #expect(machine.speakerCount == 2)
    }

    @Test func aNaNDurationOrAnEmptyOrNaNEmbeddingNeverCrashesOrOpensASpeaker() {
        var machine = SpeakerStateMachine()
        _ = machine.utterance(embedding: Self.voice(0), duration: 2)
        #expect(machine.utterance(embedding: Self.voice(1), duration: .nan) == .inherited(speaker: 1))
        #expect(SpeakerStateMachine.cosine([], Self.voice(0)) == 0)
        #expect(SpeakerStateMachine.cosine([.nan, 0, 0, 0, 0, 0, 0, 0], Self.voice(0)) == 0)
    }
}
