import Core
import Embedding
import Foundation
import Testing
import TestSupport
@testable import Intent

/// MiniLM from `make models` as the head reads it, loaded once for every test that needs it.
struct MiniLMSentences: SentenceEmbedding {
    let model: MiniLM
    var dimension: Int { model.dimension }
    func embed(_ text: String) -> [Float] { model.embed(text) }

    /// Fails the test that asks, saying to run `make models`, when MiniLM is not installed.
    static let installed = InstalledModel("all-MiniLM-L6-v2", directory: ModelPaths.folder) {
        MiniLMSentences(model: try MiniLM(modelsDirectory: $0))
    }
}

/// The rules with the built-in head reading real MiniLM embeddings. None of these lines is in
/// the training sets.
struct IntentScorerTests {
    func extractor() throws -> IntentExtractor {
        let scorer = try IntentScorer.builtIn(embedder: try MiniLMSentences.installed.get())
        return IntentExtractor(brands: try Fixture.brands(), scorer: scorer)
    }

    func one(_ line: String, with extractor: IntentExtractor) -> IntentMsg? {
        var extractor = extractor
        return extractor.extract(Utterance(id: "u1", msg: TranscriptMsg(text: line, tsStart: 0, tsEnd: 1)))
    }

    /// A line with no request frame that the head takes for an ask is shown as a suggestion of the
    /// right kind, not written on its own (precision first, issue 14).
    @Test func anImplicitRequestTheRulesMissIsASuggestion() throws {
        let line = "So for the orders page, I keep coming back to a big table with the status as coloured pills."
        #expect(try Fixture.one(line) == nil, "the rules alone already find it: pick a harder line")
        var reader = try extractor()
        let assessed = reader.assess(Utterance(id: "u1", msg: TranscriptMsg(text: line, tsStart: 0, tsEnd: 1)))
        let intent = try #require(assessed)
        #expect(intent.component == .table && !intent.refine)
        // Above the meeting's suggestion floor (0.5), at most the cap of a line with no request frame.
        #expect(intent.confidence >= 0.5 && intent.confidence <= IntentCombination.unframed)
        #expect(one(line, with: try extractor()) == nil)
    }

    /// In a meeting about a screen, a line the rules read nothing in (no request frame, no
    /// component, no looks) is still offered when the unread head takes it for an ask: as the
    /// kind its embedding is nearest to, never written on its own. Talk around it is not offered.
    @Test func anAskTheRulesReadNothingInIsOfferedNeverWritten() throws {
        let meeting = [
            "Let's build a booking form for the vet clinic, nothing fancy.",
            "Make it light, with the clinic's teal on the submit button.",
            "And a strip along the top with how many days until the jab is due.",
            "Send me the slides after the call.",
            "We spun up the staging server last night.",
        ]
        #expect(try Fixture.one(meeting[2]) == nil, "the rules alone already read it: pick a harder line")
        var reader = try extractor()
        let assessed = meeting.enumerated().map { i, text in
            reader.assess(Utterance(id: "u\(i)", msg: TranscriptMsg(text: text, tsStart: Double(i), tsEnd: Double(i) + 1)))
        }
        let offered = try #require(assessed[2])
        #expect(offered.component != nil && !offered.refine)
        #expect(offered.confidence >= 0.5 && offered.confidence < reader.threshold)
        #expect(assessed[3] == nil && assessed[4] == nil)
        // Without the unread head the line is not read at all.
        var plain = IntentExtractor(brands: try Fixture.brands(),
                                    scorer: try IntentScorer(head: try IntentHead.bundled(), embedder: try MiniLMSentences.installed.get()))
        let unheard = meeting.prefix(3).enumerated().map { i, text in
            plain.assess(Utterance(id: "u\(i)", msg: TranscriptMsg(text: text, tsStart: Double(i), tsEnd: Double(i) + 1)))
        }
        #expect(unheard[2] == nil)
    }

    /// A thing shown as something the lexicon lacks ("pins") is read by the head, as the kind its
    /// embedding is nearest to: at least offered, and written alone only if the head is certain
    /// of it (this line scores 0.91 with the head of stop 29, 0.74 before stop 30).
    @Test func aThingShownAsAnUnknownWordIsReadAsTheKindItsEmbeddingIsNearest() throws {
        var extractor = try extractor()
        let line = "car parks as pins with the free spaces count on them"
        let assessed = extractor.assess(Utterance(id: "u1", msg: TranscriptMsg(text: line, tsStart: 0, tsEnd: 1)))
        let candidate = try #require(assessed)
        #expect(candidate.component == .badge && !candidate.refine)
        #expect(candidate.confidence >= 0.5)
        #expect(candidate.confidence < 0.75 || candidate.confidence >= IntentCombination.unframedCertainHead)
    }

    /// Since the head learned real talk (issue 14) it is more careful with hedged asks: these are
    /// still read, as the right kind, but not written on their own (below 0.75), and not
    /// dismissed as the talk of real meetings is (about 0.01: below). The tabs line scores 0.24
    /// since the head was retrained at stop 27 (0.31 before): neither is offered.
    @Test(arguments: [
        ("My gut says a sidebar, collapsible, with the projects listed in it.", ComponentKind.sidebar),
        ("Thinking out loud here: tabs for day, week and month on the calendar view?", .tabs),
    ])
    func aHedgedRequestIsReadAsItsKind(line: String, kind: ComponentKind) throws {
        var extractor = try extractor()
        let assessed = extractor.assess(Utterance(id: "u1", msg: TranscriptMsg(text: line, tsStart: 0, tsEnd: 1)))
        let candidate = try #require(assessed)
        #expect(candidate.component == kind && !candidate.refine)
        #expect(candidate.confidence > 0.2 && candidate.confidence < 0.75)
    }

    /// Real talk is full of these (issue 14): the rules read each as a request, the head does not.
    @Test(arguments: [
        "So the buttons on the remote should be rubber, a bit spongy, so you can feel them in the dark.",
        "And the client goes, hey, I want a modal, and then of course he hates the modal.",
        "Please click on the participants button at the bottom of your screen to raise your hand.",
        "Let me get the next slide up, the one with the carousel of survey results.",
        "We should have a big on off switch on the side of the remote, like a toggle.",
    ])
    func physicalProductsQuotesInstructionsAndSlidesMakeNoComponent(line: String) throws {
        #expect(try Fixture.one(line) != nil, "the rules alone do not take it for a request: pick a harder line")
        #expect(one(line, with: try extractor()) == nil)
    }

    /// A create verb with a component is the rules' surest request, yet real talk says such things
    /// about remotes, chips and shell commands (issue 14). The head all but rules these out, so they
    /// are offered as suggestions, never written; a plain ask the head is unsure of is still written.
    @Test(arguments: [
        "Yeah, so we're going to create a remote without any buttons at all.",
        "We would have to make some chips that can transmit those signals to the telly.",
        "Then you can get a list of all the machines by running the command.",
    ])
    func aSureRequestTheHeadRulesOutIsOnlyOffered(line: String) throws {
        let rules = try #require(try Fixture.one(line), "the rules alone do not take it for a request: pick a harder line")
        #expect(rules.confidence >= 0.95)
        var reader = try extractor()
        let heard = reader.assess(Utterance(id: "u1", msg: TranscriptMsg(text: line, tsStart: 0, tsEnd: 1)))
        let assessed = try #require(heard)
        #expect(assessed.confidence == IntentCombination.unframed)
        #expect(one(line, with: try extractor()) == nil)
        #expect(one("Let's mock up a login screen.", with: try extractor())?.component == .login)
    }

    @Test(arguments: [
        "The dropdown on the settings page crashed twice for Safari users yesterday.",
        "Can you check whether the login button works on the staging server?",
        "We need to talk about the modal budget before the card renewal next month.",
        "Our competitor's onboarding uses a carousel of tips, which people skip.",
        "Why does the search box lose focus after the first letter?",
        "The toggle in the old settings screen was never wired to anything.",
    ])
    func talkWithUIWordsIsStillNotAnIntent(line: String) throws {
        #expect(one(line, with: try extractor()) == nil)
    }

    @Test func aMeetingGoesOnFromOneRequestToTheChangeAfterIt() throws {
        var extractor = try extractor()
        let lines = ["Let's build a table for the orders, with the status as coloured pills.", "Darker, and a bit narrower."]
        let results = lines.enumerated().map { i, text in
            extractor.extract(Utterance(id: "u\(i)", msg: TranscriptMsg(text: text, tsStart: Double(i), tsEnd: Double(i) + 1)))
        }
        let change = try #require(results[1])
        #expect(change.refine && change.refersTo == .table && Set(change.styles) == ["dark", "small"])
    }

    /// dev2 was written blind and is among the head's training sets, so this is a floor under the
    /// measured figures (F1 89.4%, P 99.2%, component 98.4%, ECE 5.5%; rules alone F1 86.0%), not
    /// a generalisation figure. Lines with no request frame are suggestions since issue 14, not
    /// published, which is most of the recall given up (F1 96.9% before).
    @Test func theSecondTuningSetHoldsItsFigures() throws {
        let file = Fixture.repository.appendingPathComponent("Tests/Eval/intents.dev2.jsonl").path
        let lines = try IntentEvaluation.load(file: file)
        let rules = IntentEvaluation.score(lines, extractor: try Fixture.extractor())
        let both = IntentEvaluation.score(lines, extractor: try extractor())
        #expect(rules.detection.f1 >= 0.83, "\(rules.table)")
        #expect(both.detection.f1 >= 0.88 && both.detection.precision >= 0.97, "\(both.table)")
        #expect(both.componentAccuracy >= 0.93 && both.brands.f1 >= 0.9, "\(both.table)")
        #expect(both.reliability.expectedCalibrationError <= 0.08, "\(both.table)")
    }

    @Test func withoutAScorerTheRulesStillFindPlainRequests() throws {
        var rules = try Fixture.extractor()
        #expect(rules.scorer == nil)
        let intent = rules.extract(Utterance(id: "a", msg: TranscriptMsg(text: "Let's build a pricing page like Notion's.", tsStart: 0, tsEnd: 1)))
        #expect(intent?.component == .pricing && intent?.brandRefs == ["Notion"])
    }
}
