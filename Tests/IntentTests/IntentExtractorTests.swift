import Core
import Testing
@testable import Intent

@Suite struct IntentExtractorTests {
    @Test func aCreateRequestNamesComponentStylesColoursAndBrand() throws {
        let intent = try #require(try Fixture.one("Let's build a pill-shaped pay button with a purple to blue gradient like Stripe's."))
        #expect(intent.component == .button)
        #expect(Set(intent.styles) == ["pill", "gradient"])
        #expect(intent.colors == ["purple", "blue"])
        #expect(intent.brandRefs == ["Stripe"])
        #expect(intent.cue)
        #expect(!intent.refine)
        #expect(intent.label == "Pay")
        #expect(intent.confidence >= 0.75)
        #expect(intent.text == "Let's build a pill-shaped pay button with a purple to blue gradient like Stripe's.")
    }

    @Test(arguments: [
        ("Can we get a nav bar with the logo on the left?", ComponentKind.navbar),
        ("Mock up a confirmation dialog for deleting a project.", .modal),
        ("Let's prototype a sign in screen with a GitHub option.", .login),
        ("Spin up an image slider for the testimonials.", .carousel),
        ("Give me a CTA that says Start free trial.", .button),
        ("Let's build a Stripe style pay button.", .button),
        ("Could we draft a notification toast for failed payments?", .alert),
        ("Create a data table for invoices.", .table),
        ("Let's make a card carousel of the team.", .carousel),
    ])
    func synonymsNameTheirComponent(line: String, kind: ComponentKind) throws {
        let intent = try #require(try Fixture.one(line))
        #expect(intent.component == kind)
        #expect(intent.cue)
    }

    @Test func wishesAndPrescriptionsAreIntentsWithoutACue() throws {
        for line in ["We need badges for the order status.", "The footer should be dark with four columns of links.",
                     "I'd like the tooltips to be small and dark."] {
            let intent = try #require(try Fixture.one(line), "\(line)")
            #expect(!intent.cue, "\(line)")
        }
    }

    @Test(arguments: [
        "The button in the old app broke last week, that's why support tickets spiked.",
        "Stripe's revenue grew like crazy last year, did anyone read that article?",
        "Let's build consensus before the board meeting.",
        "We spun up a staging cluster for the load test.",
        "Mock interviews start next week for the new hires.",
        "Let's make sure QA signs off before Friday.",
        "The modal in production is throwing a console error.",
        "My card got declined at the airport.",
        "Can we push the design review to Thursday?",
        "Checkout conversion dropped two points after the release.",
        "Apple's event is next Tuesday.",
        "Let me check with legal about retention.",
        "I created a dropdown in Jira for the priority field.",
        "Let's get lunch after this.",
        "Legal still hasn't reviewed the footer links.",
        "Let's get the card details from the payment provider.",
        "We need a new card reader at the front desk.",
    ])
    func talkAboutUIIsNotAnIntent(line: String) throws {
        #expect(try Fixture.one(line) == nil)
    }

    @Test func refinementsChangeTheLastComponent() throws {
        let results = try Fixture.run([
            "Let's mock up a search bar, full width.",
            "Okay, where were we?",
            "Make it bigger and round the corners.",
            "Change that to green.",
            "Make the button full width.",
        ])
        let first = try #require(results[0])
        #expect(first.component == .search && !first.refine)
        #expect(results[1] == nil)
        let bigger = try #require(results[2])
        #expect(bigger.refine && bigger.refersTo == .search && bigger.component == nil && !bigger.cue)
        #expect(Set(bigger.styles) == ["large", "rounded"])
        let green = try #require(results[3])
        #expect(green.refine && green.colors == ["green"] && green.refersTo == .search)
        let button = try #require(results[4])
        #expect(button.refine && button.component == .button && button.refersTo == .search)
    }

    @Test func aRefinementWithNothingBuiltIsNotAnIntent() throws {
        #expect(try Fixture.one("Make it bigger.") == nil)
    }

    @Test func aNegatedStyleIsNotAsked() throws {
        let intent = try #require(try Fixture.one("Honestly the buttons should just be rounded rectangles, not pills."))
        #expect(intent.styles == ["rounded"])
    }

    @Test func aRequestSplitOverTwoLinesIsJoined() throws {
        let results = try Fixture.run(["So let's build a", "pricing section with three tiers."])
        #expect(results[0] == nil)
        let intent = try #require(results[1])
        #expect(intent.component == .pricing && intent.cue)
    }

    @Test func theThresholdHoldsBackGuesses() throws {
        var strict = IntentExtractor(brands: try Fixture.brands(), threshold: 0.99)
        let u = Utterance(id: "u1", msg: TranscriptMsg(text: "Let's mock up a login screen.", tsStart: 0, tsEnd: 1))
        #expect(strict.extract(u) == nil)
        var normal = try Fixture.extractor()
        #expect(normal.extract(u)?.utteranceID == "u1")
    }

    @Test func partialUtterancesAreIgnored() throws {
        var extractor = try Fixture.extractor()
        let u = Utterance(id: "p1", msg: TranscriptMsg(text: "Let's mock up a login screen.", tsStart: 0, tsEnd: 1), isFinal: false)
        #expect(extractor.extract(u) == nil)
    }

    @Test func itIsFastEnoughForALiveMeeting() throws {
        var extractor = try Fixture.extractor()
        let lines = ["Let's build a pricing section with three tiers, kind of like what Stripe has.",
                     "The table in the quarterly report has a typo in row three.", "Make it pill shaped."]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for i in 0..<1500 {
                _ = extractor.extract(Utterance(id: "u\(i)", msg: TranscriptMsg(text: lines[i % 3], tsStart: 0, tsEnd: 0)))
            }
        }
        // At least 300 a second even in a debug build; a release build does thousands.
        #expect(elapsed < .seconds(5))
    }
}

@Suite struct LabelTests {
    @Test(arguments: [
        ("Let's build a Stripe style pay button.", "Pay"),
        ("Build a navbar with a logo and a sign up button on the right.", "Sign up"),
        ("Spin up an empty state card with a get started button.", "Get started"),
        ("Give me a CTA that says Start free trial.", "Start free trial"),
        ("Could the login screen have a continue with GitHub button?", "Continue with GitHub"),
    ])
    func wordsSaidForTheButtonBecomeItsLabel(line: String, label: String) throws {
        #expect(try Fixture.one(line)?.label == label)
    }

    @Test func describingWordsAreNotALabel() throws {
        #expect(try Fixture.one("Let's make an outlined secondary button next to the primary one.")?.label == nil)
        #expect(try Fixture.one("Can we get a big blue call to action button in the hero?")?.label == nil)
    }
}
