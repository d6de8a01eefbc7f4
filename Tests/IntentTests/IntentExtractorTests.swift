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
        // A banner is a notice across the page (every labelled one in the sets is), unless it is the hero's.
        ("Let's whip up a cookie banner, bottom of the screen, accept and reject buttons equal size.", .alert),
        ("Mock up a banner for scheduled maintenance.", .alert),
        ("Let's build a hero banner with a big headline.", .hero),
    ])
    func synonymsNameTheirComponent(line: String, kind: ComponentKind) throws {
        let intent = try #require(try Fixture.one(line))
        #expect(intent.component == kind)
        #expect(intent.cue)
    }

    /// A filler set off by commas between a create verb and its object is an aside, not the
    /// end of the request; an aside before something that is no component still asks for nothing.
    @Test func aFillerAsideBetweenTheVerbAndItsObjectKeepsTheRequest() throws {
        for (line, kind) in [("Can we get, like, a heart toggle for favourites?", ComponentKind.toggle),
                             ("Can we get, uh, a search bar?", .search)] {
            let intent = try #require(try Fixture.one(line), "\(line)")
            #expect(intent.component == kind, "\(line)")
            #expect(intent.cue, "\(line)")
        }
        #expect(try Fixture.one("Can we get, like, the numbers by Friday?") == nil)
    }

    /// "that's" ends in "s" like "clicks" in "button clicks", but it is a verb: the button is
    /// still what is asked for.
    @Test(arguments: [
        ("Can we get a start button that's really big and bright green?", ComponentKind.button),
        ("Let's build a pricing table that's easy to scan.", .pricing),
        ("Mock up a toast that\u{2019}s red when the upload fails.", .alert),
    ])
    func aComponentBeforeAContractedVerbIsStillAsked(line: String, kind: ComponentKind) throws {
        let intent = try #require(try Fixture.one(line), "\(line)")
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
        "Once we get started button clicks will be tracked.",
    ])
    func talkAboutUIIsNotAnIntent(line: String) throws {
        #expect(try Fixture.one(line) == nil)
    }

    /// Reports are told in the past or the perfect, judge what exists, or talk defects, measures
    /// and dates; none of these lines is in the labelled sets.
    @Test(arguments: [
        "The toast notification crashed the app on Android.",
        "We shipped the new navbar on Tuesday.",
        "Zendesk renewed the pricing page contract for two years.",
        "Their pricing page is really confusing.",
        "Sales dropped twenty percent in March after the new checkout.",
        "Our designer already made a dark sidebar for the old app.",
        "The search results load in four hundred milliseconds.",
        "I want the hero copy approved by marketing first.",
    ])
    func reportsAreNotRequests(line: String) throws {
        #expect(try Fixture.one(line) == nil)
    }

    /// What is asked for may be about bugs, failures and revenue: those words describe the
    /// design there, they do not make the line a report.
    @Test(arguments: [
        ("Let's build a table of open bugs and support tickets.", ComponentKind.table),
        ("Let's design a modal that warns when the session expired.", .modal),
        ("Let's prototype an alert for when a payment failed.", .alert),
        ("Can we get a dashboard card for revenue, dark?", .card),
    ])
    func reportWordsInsideARequestDescribeIt(line: String, kind: ComponentKind) throws {
        let intent = try #require(try Fixture.one(line), "\(line)")
        #expect(intent.component == kind && intent.cue)
    }

    @Test func compoundNounsAreNotComponents() throws {
        // The plural after the name is the thing talked about.
        #expect(try Fixture.one("Can we get the button clicks by Friday?") == nil)
        #expect(try Fixture.one("Let's get the search results into a spreadsheet.") == nil)
        // A plural that is a part of a component keeps the component.
        #expect(try Fixture.one("I want the navbar links to be bold.")?.component == .navbar)
    }

    @Test(arguments: [
        ("Let's mock up a progress bar that fills gradually.", "animated"),
        ("Can we get a toast that fades out after a while?", "animated"),
        ("Let's build an autoplaying carousel of reviews.", "animated"),
        ("Spin up a pricing section, no frills.", "minimal"),
        ("I'd like a settings modal, nothing too flashy.", "minimal"),
    ])
    func stylesAreReadFromHowTheyAreDescribed(line: String, style: String) throws {
        let intent = try #require(try Fixture.one(line), "\(line)")
        #expect(intent.styles.contains(style), "\(line): \(intent.styles)")
    }

    @Test func whatAPersonDoesIsNotAnAnimation() throws {
        let intent = try #require(try Fixture.one("Let's build a signup form that people fill in quickly."))
        #expect(intent.component == .form && intent.styles.isEmpty)
        #expect(try Fixture.one("Let's mock up a dark mode toggle for the settings.")?.styles == [])
    }

    @Test func aPartNamedInTheRequestIsChangedOnTheNextLine() throws {
        let results = try Fixture.run(["Build a settings form with a save button at the bottom.", "The save button should be green."])
        let green = try #require(results[1])
        #expect(green.refine && green.refersTo == .form && green.component == .button)
        // Two lines on, "the buttons" are buttons of their own.
        let later = try Fixture.run(["Build a settings form with a save button.", "Who's next?", "The buttons should be green."])
        #expect(later[2]?.refine == false)
    }

    @Test func aQuestionWithDoOrHaveIsARequest() throws {
        #expect(try Fixture.one("Could we do a progress stepper for the import wizard?")?.component == .progress)
        #expect(try Fixture.one("Can we have a sidebar with the project list?")?.component == .sidebar)
    }

    @Test func somethingToBeDoneBySomeoneIsNotADesign() throws {
        #expect(try Fixture.one("Let's get the form signed by legal.") == nil)
        // Ordering by something is still a look.
        #expect(try Fixture.one("Let's build a list of invoices sorted by date.")?.component == .list)
    }

    @Test func whyARequestIsMadeIsNotAReportAgainstIt() throws {
        let intent = try #require(try Fixture.one("customers kept asking for this so can we mock up a filter dropdown for orders"))
        #expect(intent.component == .dropdown && intent.cue)
    }

    @Test(arguments: [
        ("so for the help center can we mock up a search box", [String]()),
        ("Let's build a card with a light gray background.", []),
        ("I'd like a toggle for compact mode in the toolbar.", []),
        ("Prototype a sign in page with a big logo.", ["large"]),
        ("Let's build a hero with the title in the center.", ["centered"]),
    ])
    func wordsThatLookLikeStylesInOtherRoles(line: String, styles: [String]) throws {
        let intent = try #require(try Fixture.one(line), "\(line)")
        #expect(intent.styles == styles, "\(line)")
    }

    /// What a thing is shown as, and what a list holds, is the component asked for, whichever
    /// frame reads the line: a wish, or a bare description. "rather than" sets a name aside.
    @Test(arguments: [
        ("Room picker as cards, with what's included as little chips.", ComponentKind.card),
        ("Home feed of recipe cards, big photo on top, title and cook time underneath.", .card),
        ("I want a simple list of toggles for units and notifications.", .toggle),
        ("Type of leave as a segmented control rather than a dropdown.", .tabs),
        ("I'd like a detail modal, no, a detail card, with the price on top.", .card),
    ])
    func theComponentAskedForIsWhatTheThingIsShownAs(line: String, kind: ComponentKind) throws {
        let intent = try #require(try Fixture.one(line), "\(line)")
        #expect(intent.component == kind, "\(line)")
        #expect(!intent.refine, "\(line)")
    }

    /// What follows the kind a thing is shown as describes it: a relative clause there ("who
    /// triggered it") is its content, not a report of what happened. A verb of the line's own
    /// still makes it talk.
    @Test func aRelativeClauseAfterWhatAThingIsShownAsIsItsContent() throws {
        let table = try #require(try Fixture.one("Pipelines as a table: branch, commit, status, duration, who triggered it."))
        #expect(table.component == .table && table.confidence >= 0.75)
        for talk in ["We used the wheel as a button and it broke.", "The people who built the navbar left.",
                     "Everyone who uses the sidebar hates it."] {
            #expect(try Fixture.one(talk) == nil, "\(talk)")
        }
    }

    /// A short noun phrase shown as something the lexicon lacks opens a description, which the
    /// head judges and whose kind the line's embedding names. A comparison, or a verb before the
    /// "as", is no showing.
    @Test func aThingShownAsWhatTheLexiconLacksIsADescription() throws {
        let brands = BrandSpotter(brands: try Fixture.brands())
        for line in ["Ingredients as a checklist so you can tick off what you've got.",
                     "car parks as pins with the free spaces count on them",
                     "Days as sections, each with the day number big on the left."] {
            #expect(Reading(line, brands: brands).showsSomethingAs, "\(line)")
        }
        for line in ["The museum wants Welsh as well as English, obviously.", "As a user, I want to see my orders.",
                     "We used it as a stopgap.", "Same as last time.", "Invoices as soon as they are paid.",
                     "So the plan, as I said, is to ship."] {
            #expect(!Reading(line, brands: brands).showsSomethingAs, "\(line)")
        }
    }

    /// What something should be, said as a component, asks for it; what it is, or would be, or
    /// "the" one it should be, does not.
    @Test func whatSomethingShouldBeAsAComponentIsAsked() throws {
        for (line, kind) in [("My gut says the articles should be cards, three across.", ComponentKind.card),
                             ("Pins on the map should be little price badges, like Airbnb does.", .badge),
                             ("When a teacher logs in, the first thing should be their classes as tiles.", .card)] {
            let intent = try #require(try Fixture.one(line), "\(line)")
            #expect(intent.component == kind && !intent.refine, "\(line)")
        }
        for talk in ["It would be a list of about fifty items.", "The problem should be the modal, not the API."] {
            #expect(try Fixture.one(talk) == nil, "\(talk)")
        }
    }

    /// A clause opening with "when" or "after" sets the scene for the ask after it: its verb
    /// ("logs in") is not the line stating how things are, for the head's rule features.
    @Test func aSceneSettingClauseStatesNothing() throws {
        let brands = BrandSpotter(brands: try Fixture.brands())
        func features(_ line: String) -> [String: Double] {
            let reading = Reading(line, brands: brands)
            return Dictionary(uniqueKeysWithValues: zip(RuleFeatures.names, RuleFeatures.of(reading, rules: nil, recentRequest: false)))
        }
        let scene = features("When a teacher logs in, the first thing should be their classes as tiles.")
        #expect(scene["states"] == 0 && scene["someone_does"] == 0)
        let told = features("The class page has their grades, and then we show the classes.")
        #expect(told["states"] == 1 && told["someone_does"] == 1)
        #expect(features("When the class page has grades, we show them as a table.")["someone_does"] == 1)
        // Without a later clause there is no scene: the whole line is the statement.
        #expect(features("When the class page has grades the tiles show up")["states"] == 1)
    }

    /// A line with no request frame is acted on alone only when it does not tell how things are:
    /// a present-tense statement, or a brand's thing as its subject whatever the verb.
    @Test func aBrandsThingOrAStatementDescribesWhatIs() throws {
        let brands = BrandSpotter(brands: try Fixture.brands())
        func describes(_ line: String) -> Bool { RuleFeatures.describesWhatIs(Reading(line, brands: brands)) }
        #expect(describes("Spotify's cards grow a little on hover, I noticed that today."))
        #expect(describes("Linear's sidebar has collapsible groups and it's really snappy."))
        #expect(describes("So their pricing page shows three tiers."))
        #expect(!describes("Pipelines as a table: branch, commit, status, duration."))
        #expect(!describes("Tonight's films down the page, poster on the left, times as little buttons beside it."))
        #expect(!describes("A sidebar like Linear's, with collapsible groups."))
        #expect(!describes("When a teacher logs in, the first thing should be their classes as tiles."))
    }

    /// A verb in a clause about the thing before it says how that thing behaves, not how the world
    /// is; "that" opening a statement, or a linking verb after it, still states.
    @Test func aClauseAboutAThingStatesNothing() throws {
        let brands = BrandSpotter(brands: try Fixture.brands())
        func states(_ line: String) -> Bool {
            let reading = Reading(line, brands: brands)
            return RuleFeatures.statesHowThingsAre(reading, after: RuleFeatures.scene(reading))
        }
        #expect(!states("I'd like a banner that slides down from the top."))
        #expect(!states("A help icon on the total which explains the fees."))
        #expect(states("Their checkout shows the fees up front."), "no clause about a thing: a statement")
        #expect(states("I think that shows how messy the old flow was."), "\"that\" after a verb of thinking opens no such clause")
        #expect(states("The banner that slides down has a close button."), "the main verb still states")
    }

    /// "round" opening a clause of its own is a word of looks, not "round the corners": the line
    /// asks for a new button, it does not change the card on the table.
    @Test func aVerbOfLooksAloneInItsClauseIsNoEdit() throws {
        let results = try Fixture.run(["Let's build a product card with a photo.", "A floating add button, bottom right, round."])
        let button = try #require(results[1])
        #expect(button.component == .button && !button.refine)
        #expect(button.styles.contains("rounded"))
    }

    /// A place names where the next thing goes only up to its own name: in "on each card a
    /// toggle" the toggle is asked for, on the card made before.
    @Test func aThingAfterAPlaceIsWhatIsAsked() throws {
        let results = try Fixture.run(["Let's build a room card with the temperature.", "On each card a toggle, big."])
        let toggle = try #require(results[1])
        #expect(toggle.component == .toggle && !toggle.refine)
        let card = try #require(try Fixture.run(["Let's build a room card.", "A badge in the top right corner, red."])[1])
        #expect(card.component == .badge)
    }

    /// A request put off to another time plans the work: it is offered (read under 0.75, from
    /// 0.5), never made on its own. The same request for now is made.
    @Test func aRequestPutOffToAnotherTimeIsOfferedNotMade() throws {
        var extractor = try Fixture.extractor()
        for (i, line) in ["Let's sketch out the pricing for teams next time, not today.",
                          "Can we mock up the login screen by Friday?"].enumerated() {
            let assessed = extractor.assess(Utterance(id: "p\(i)", msg: TranscriptMsg(text: line, tsStart: Double(i), tsEnd: Double(i) + 1)))
            let read = try #require(assessed, "\(line)")
            #expect(read.confidence < 0.75 && read.confidence >= 0.5, "\(line)")
        }
        #expect(try Fixture.one("Let's sketch out the pricing for teams.")?.component == .pricing)
        #expect(try Fixture.one("Let's sketch out the pricing for teams next time, not today.") == nil)
    }

    @Test func aComponentAddedToAPageIsNewNotARefinement() throws {
        let results = try Fixture.run(["Let's build a sidebar with the nav links.", "Let's add a search bar to the top of the page."])
        let search = try #require(results[1])
        #expect(search.component == .search && !search.refine)
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

    @Test func looksOnTheNextLineDescribeTheComponentJustAskedFor() throws {
        let results = try Fixture.run(["Let's do a card for the plan.", "Purple gradient, pill corners."])
        #expect(results[0]?.component == .card)
        let looks = try #require(results[1])
        // A refinement names a component only when the line does (the labelled sets' convention).
        #expect(looks.component == nil && looks.refine && looks.refersTo == .card)
        #expect(Set(looks.styles) == ["gradient", "pill"] && looks.colors == ["purple"])
    }

    @Test func looksAfterTalkDescribeNothing() throws {
        let results = try Fixture.run(["Let's do a card for the plan.", "The budget got cut last week.", "Purple gradient, pill corners."])
        #expect(results[2] == nil)
        // A filler line between them does not break the request.
        let filler = try Fixture.run(["Can we get a pricing table?", "Yeah.", "Dark, with rounded corners."])
        let looks = try #require(filler[2])
        #expect(looks.refersTo == .pricing && Set(looks.styles) == ["dark", "rounded"])
    }

    @Test func aSentenceWithOneStyleWordByChanceIsNotLooks() throws {
        let results = try Fixture.run(["There should be a list of recent files on the home screen.", "Recent files load slowly for big accounts."])
        #expect(results[0]?.component == .list)
        #expect(results[1] == nil)
    }

    @Test func aRepeatedUtteranceIsReadOnce() throws {
        var extractor = try Fixture.extractor()
        func line(_ id: String, _ text: String) -> Utterance { Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: 0, tsEnd: 1, id: id)) }
        #expect(extractor.extract(line("a1", "Let's mock up a login screen."))?.component == .login)
        #expect(extractor.extract(line("a2", "Can we get a sticky footer?"))?.component == .footer)
        // Delivered again: no second login, and "make it dark" still changes the footer.
        #expect(extractor.extract(line("a1", "Let's mock up a login screen.")) == nil)
        #expect(extractor.extract(line("a3", "Make it dark."))?.refersTo == .footer)
    }

    @Test func aCueVerbWithAnObjectDoesNotDangle() throws {
        let results = try Fixture.run(["Let's build consensus.", "The button broke last week."])
        #expect(results == [nil, nil])
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
