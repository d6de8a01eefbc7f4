import Testing
@testable import Speech

@Suite struct SegmentStateMachineTests {
    @Test func partialsEveryIntervalThenAFinalAtTheEndOfSpeech() {
        var m = SegmentStateMachine()
        #expect(m.advance(by: 16_000) == [])                     // 1 s of silence
        m.speechStarted(at: 16_000)
        #expect(m.advance(by: 4_800) == [])                      // 0.3 s: too soon for a partial
        #expect(m.advance(by: 4_800) == [.partial(segment: 1, range: 11_200..<25_600)])
        #expect(m.advance(by: 9_600) == [.partial(segment: 1, range: 11_200..<35_200)])
        #expect(m.speechEnded(at: 30_000) == [.final(segment: 1, range: 11_200..<30_000)])
        #expect(m.advance(by: 16_000) == [])
        #expect(m.retainFrom == 51_200 - 20_800)
    }

    @Test func aPauseAsksForTheUtteranceSoFarOnceAndHoldsPartialsUntilSpeechResumes() {
        var m = SegmentStateMachine()
        _ = m.advance(by: 16_000)
        m.speechStarted(at: 16_000)
        _ = m.advance(by: 16_000)                                  // 1 s of speech
        #expect(m.paused(endingAt: 30_000) == [.speculative(segment: 1, range: 11_200..<30_000)])
        #expect(m.paused(endingAt: 30_000) == [])                  // same pause: already asked
        #expect(m.advance(by: 16_000) == [])                       // no partials of a pause
        m.resumed()
        #expect(m.advance(by: 9_600) == [.partial(segment: 1, range: 11_200..<57_600)])
        #expect(m.paused(endingAt: 56_000) == [.speculative(segment: 1, range: 11_200..<56_000)])
        // The utterance ends where the pause began: its final has the speculative's range.
        #expect(m.speechEnded(at: 56_000) == [.final(segment: 1, range: 11_200..<56_000)])
        #expect(m.paused(endingAt: 60_000) == [])                  // no utterance, nothing to ask
    }

    /// What the speaker labeller is fed while someone speaks: the samples from the start of the
    /// utterance under way, the same start its speculative and final jobs have.
    @Test func theUtteranceUnderWayStartsWhereItsJobsStart() {
        var m = SegmentStateMachine()
        _ = m.advance(by: 16_000)
        #expect(m.utteranceStart == nil)
        m.speechStarted(at: 16_000)
        _ = m.advance(by: 16_000)
        #expect(m.utteranceStart == 11_200)
        #expect(m.paused(endingAt: 30_000).map(\.range.lowerBound) == [11_200])
        #expect(m.speechEnded(at: 30_000).map(\.range.lowerBound) == [11_200])
        #expect(m.utteranceStart == nil)
        // A monologue cut at 28 s goes on as a new utterance from the cut.
        m.speechStarted(at: 40_000)
        var cut: [SegmentStateMachine.Job] = []
        for _ in 0..<30 { cut += m.advance(by: 16_000).filter(\.isFinal) }
        #expect(cut.count == 1 && m.utteranceStart == cut.first?.range.upperBound)
    }

    @Test func aLongMonologueIsCutBeforeWhispersWindow() {
        var m = SegmentStateMachine()
        m.speechStarted(at: 0)
        var finals: [SegmentStateMachine.Job] = []
        for _ in 0..<60 { finals += m.advance(by: 16_000).filter(\.isFinal) }   // 60 s of speech
        #expect(finals.map(\.segment) == [1, 2])
        #expect(finals.allSatisfy { $0.range.count <= 28 * 16_000 })
        #expect(m.finish().first?.segment == 3)
    }

    @Test func finishWithoutSpeechHasNothingToDecode() {
        var m = SegmentStateMachine()
        _ = m.advance(by: 48_000)
        #expect(m.finish() == [])
    }
}

@Suite struct StablePrefixTests {
    @Test func agreedWordsStayPut() {
        var p = StablePrefix()
        #expect(p.update("let's bill") == "let's bill")
        #expect(p.update("let's build a") == "let's build a")         // "let's" agreed, committed
        #expect(p.committed == ["let's"])
        #expect(p.update("let's build a pill") == "let's build a pill")
        #expect(p.committed == ["let's", "build", "a"])
        // A later hypothesis that wavers on committed words does not change them on screen.
        #expect(p.update("lets bill the pill button") == "let's build a pill button")
        p.reset()
        #expect(p.committed.isEmpty)
    }
}

extension DecodeQueue {
    /// A job with no audio: these tests look at the order only.
    func push(_ job: SegmentStateMachine.Job) {
        push(.init(job: job, samples: [], startSample: job.range.lowerBound))
    }
}

/// Closes the queue and takes every job in the order the recogniser would.
private func drain(_ q: DecodeQueue) async -> [SegmentStateMachine.Job] {
    await q.close()
    var jobs: [SegmentStateMachine.Job] = []
    while let e = await q.next() { jobs.append(e.job) }
    return jobs
}

@Suite struct DecodeQueueTests {
    @Test func finalsKeepOrderAndNewerPartialsReplaceOlderOnes() async {
        let q = DecodeQueue()
        await q.push(.partial(segment: 1, range: 0..<10))
        await q.push(.partial(segment: 1, range: 0..<20))
        #expect(await q.depth == 1)
        await q.push(.final(segment: 1, range: 0..<30))
        await q.push(.final(segment: 2, range: 30..<40))
        #expect(await drain(q) == [.final(segment: 1, range: 0..<30), .final(segment: 2, range: 30..<40)])
    }
}

@Suite struct DecodeQueueBacklogTests {
    @Test func aPartialNeverWaitsBehindAFinal() async {
        let q = DecodeQueue()
        await q.push(.final(segment: 1, range: 0..<30))
        await q.push(.partial(segment: 2, range: 30..<40))
        #expect(await q.depth == 1)
        await q.push(.final(segment: 2, range: 30..<50))
        #expect(await drain(q) == [.final(segment: 1, range: 0..<30), .final(segment: 2, range: 30..<50)])
    }
}

@Suite struct DecodeQueueSpeculationTests {
    @Test func aSpeculativeFinalTakesAWaitingPartialsPlaceAndAFinalTakesItsPlace() async {
        let q = DecodeQueue()
        await q.push(.partial(segment: 1, range: 0..<10))
        await q.push(.speculative(segment: 1, range: 0..<12))
        #expect(await q.depth == 1)
        await q.push(.final(segment: 1, range: 0..<12))
        #expect(await drain(q) == [.final(segment: 1, range: 0..<12)])
    }

    @Test func aSpeculativeFinalMayWaitBehindAnEarlierFinalUntilSpeechGoesOn() async {
        let q = DecodeQueue()
        await q.push(.final(segment: 1, range: 0..<30))
        await q.push(.speculative(segment: 2, range: 30..<40))
        #expect(await q.depth == 2)
        // Speech went on: the speculation is stale, and the partial does not wait behind a final.
        await q.push(.partial(segment: 2, range: 30..<45))
        #expect(await drain(q) == [.final(segment: 1, range: 0..<30)])
    }
}
