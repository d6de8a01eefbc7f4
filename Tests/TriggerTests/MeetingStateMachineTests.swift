import Core
import Testing
@testable import Trigger

/// The meeting's decisions on a manual clock: every time is a transcript timestamp, nothing sleeps.
@Suite struct MeetingStateMachineTests {
    /// A final line from `start` to `start + 2`.
    static func line(_ id: String, _ text: String, at start: Double) -> Utterance {
        Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: start, tsEnd: start + 2))
    }

    /// A reading as the extractor gives it.
    static func ask(_ id: String, _ kind: ComponentKind?, _ text: String, confidence: Double = 0.9, cue: Bool = true,
                    refine: Bool = false, refersTo: ComponentKind? = nil, label: String? = nil) -> IntentMsg {
        IntentMsg(utteranceID: id, component: kind, confidence: confidence, cue: cue, refine: refine, refersTo: refersTo,
                  label: label, text: text)
    }

    /// Feeds a line with its reading; returns the effects.
    static func hear(_ m: inout MeetingStateMachine, _ reading: IntentMsg?, text: String? = nil, at start: Double) -> [MeetingStateMachine.Effect] {
        let id = reading?.utteranceID ?? "talk-\(start)"
        return m.handle(.heard(line(id, text ?? reading?.text ?? "", at: start), reading: reading))
    }

    static func generated(_ effects: [MeetingStateMachine.Effect]) -> [(id: String, target: String, kind: ComponentKind)] {
        effects.compactMap {
            if case .generate(let intent, let target, _) = $0 { (intent.utteranceID, target.componentID, target.kind) } else { nil }
        }
    }

    static func suggested(_ effects: [MeetingStateMachine.Effect]) -> [(id: String, reason: String)] {
        effects.compactMap { if case .suggest(let intent, let reason) = $0 { (intent.utteranceID, reason) } else { nil } }
    }

    /// Chatter: lines the extractor read no intent in.
    static func chatter(_ m: inout MeetingStateMachine, from start: Double, lines: Int, every gap: Double = 5) {
        for i in 0..<lines { _ = hear(&m, nil, text: "so anyway about the quarterly numbers", at: start + Double(i) * gap) }
    }

    @Test func aNewAskMakesANewComponentAndAVagueChangeRightAfterLandsOnIt() {
        var m = MeetingStateMachine()
        let made = Self.generated(Self.hear(&m, Self.ask("u1", .button, "Let's build a pay button."), at: 0))
        #expect(made.map(\.target) == ["c1"])
        var effects = Self.hear(&m, Self.ask("u2", nil, "Make it bigger.", cue: false, refine: true, refersTo: .button), at: 10)
        #expect(effects.contains(.publish(Self.ask("u2", nil, "Make it bigger.", cue: false, refine: true, refersTo: .button))))
        effects += m.handle(.tick(13.5))
        #expect(Self.generated(effects).map(\.target) == ["c1"], "a change while the button is on the table changes it")
    }

    @Test func aVagueChangeMinutesLaterIsOfferedNotApplied() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .button, "Let's build a pay button."), at: 0)
        // 130 s later, with no other talk between: the table has gone cold by time alone.
        let late = Self.ask("u2", nil, "Make it bigger.", cue: false, refine: true, refersTo: .button)
        var effects = Self.hear(&m, late, at: 130)
        effects += m.handle(.tick(200))
        #expect(Self.generated(effects).isEmpty)
        let offered = Self.suggested(effects)
        #expect(offered.map(\.id) == ["u2"])
        #expect(offered.first?.reason.contains("the talk has moved on from the button c1") == true)
    }

    @Test func fromTheRulesAloneOnlyAnExplicitCreateRequestMakesANewComponentOnItsOwn() {
        var m = MeetingStateMachine(settings: .init(newNeedsCue: true))
        // A wish at 0.9 from the rules alone: a screen ask or a car's button alike, so only offered.
        var effects = Self.hear(&m, Self.ask("u1", .button, "I would love a button that sets the temperature.", cue: false), at: 0)
            + m.handle(.tick(10))
        #expect(Self.generated(effects).isEmpty)
        #expect(Self.suggested(effects).map(\.id) == ["u1"])
        effects = Self.hear(&m, Self.ask("u2", .card, "Let's build a plan card."), at: 20) + m.handle(.tick(30))
        #expect(Self.generated(effects).map { "\($0.id) \($0.target)" } == ["u2 c1"])
        // A change to what exists still lands as before.
        effects = Self.hear(&m, Self.ask("u3", nil, "Give it a shadow.", cue: false, refine: true), at: 40) + m.handle(.tick(50))
        #expect(Self.generated(effects).map { "\($0.id) \($0.target)" } == ["u3 c1"])
    }

    @Test func aVagueChangeAfterATopicChangeIsOffered() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .modal, "Let's build an invite modal."), at: 0)
        // Six lines of other talk in half a minute: the topic moved on, though little time passed.
        Self.chatter(&m, from: 5, lines: 6)
        let effects = Self.hear(&m, Self.ask("u2", nil, "Make that purple.", cue: false, refine: true, refersTo: .modal), at: 36)
            + m.handle(.tick(60))
        #expect(Self.generated(effects).isEmpty)
        #expect(Self.suggested(effects).map(\.id) == ["u2"])
    }

    @Test func aChangeNamingAKindLandsOnThatKindNotOnTheTable() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .button, "Let's build a send button.", label: "Send button"), at: 0)
        _ = Self.hear(&m, Self.ask("u2", .card, "Let's build a plan card."), at: 10)
        let effects = Self.hear(&m, Self.ask("u3", .button, "The send button should be green.", cue: false, refine: true,
                                             label: "Send button"), at: 20)
            + m.handle(.tick(30))
        #expect(Self.generated(effects).map(\.target) == ["c1"], "the send button, though a card with buttons is on the table")
    }

    @Test func aNamedChangeAfterLongOtherTalkIsOfferedButAfterOtherDesignWorkItLands() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .button, "Let's build a send button.", label: "Send button"), at: 0)
        // Three minutes of designing a card: the talk is still design, so the named button is changed.
        _ = Self.hear(&m, Self.ask("u2", .card, "Let's build a plan card."), at: 60)
        _ = Self.hear(&m, Self.ask("u3", nil, "Give it a shadow.", cue: false, refine: true), at: 120)
        var effects = Self.hear(&m, Self.ask("u4", .button, "The send button should be green.", cue: false, refine: true,
                                             label: "Send button"), at: 180)
            + m.handle(.tick(190))
        #expect(Self.generated(effects).map { "\($0.id) \($0.target)" } == ["u3 c2", "u4 c1"])
        // Then ten minutes of talk about something else: "the button" again is only offered.
        Self.chatter(&m, from: 200, lines: 20, every: 30)
        effects = Self.hear(&m, Self.ask("u5", .button, "That button really is just a physical button.", cue: false, refine: true), at: 800)
            + m.handle(.tick(820))
        #expect(Self.generated(effects).isEmpty)
        #expect(Self.suggested(effects).map(\.id) == ["u5"])
    }

    @Test func aChangeNamingAKindThatDoesNotExistIsANewComponentOfThatKind() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .button, "Let's build a send button."), at: 0)
        let effects = Self.hear(&m, Self.ask("u2", .table, "Make the invoice table denser.", cue: false, refine: true,
                                             refersTo: .button), at: 10) + m.handle(.tick(20))
        let made = Self.generated(effects)
        #expect(made.map(\.target) == ["c2"])
        #expect(made.map(\.kind) == [.table], "never merged into the button")
    }

    @Test func aChangeToAPartNothingWasMadeForChangesItsHolderOnAWarmTable() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .list, "Drops as a list below, with a little badge for fragile or frozen."), at: 0)
        let badges = Self.ask("u2", .badge, "Frozen badge in light blue, fragile in orange.", cue: false, refine: true,
                              refersTo: .badge)
        let effects = Self.hear(&m, badges, at: 8) + m.handle(.tick(20))
        #expect(Self.generated(effects).map(\.target) == ["c1"], "the list's badges change; no badge of its own")

        // Once the talk has moved on, the same line is a badge of its own, as a button is no holder.
        var cold = MeetingStateMachine()
        _ = Self.hear(&cold, Self.ask("u1", .list, "Drops as a list below, with a little badge for fragile or frozen."), at: 0)
        Self.chatter(&cold, from: 5, lines: 6)
        let late = Self.generated(Self.hear(&cold, badges, at: 140) + cold.handle(.tick(150)))
        #expect(late.map(\.target) == ["c2"] && late.map(\.kind) == [.badge])
        var button = MeetingStateMachine()
        _ = Self.hear(&button, Self.ask("u1", .button, "Let's build a send button."), at: 0)
        let notHeld = Self.generated(Self.hear(&button, badges, at: 8) + button.handle(.tick(20)))
        #expect(notHeld.map(\.target) == ["c2"] && notHeld.map(\.kind) == [.badge], "a button holds no badge")
    }

    @Test func aChangeToAPartGoesToTheHolderOnTheTableUnlessThePartsOwnComponentIsNewer() {
        let black = Self.ask("u3", .button, "Make the continue button black.", cue: false, refine: true, refersTo: .button)
        let pay = Self.ask("u1", .button, "Let's build a pay button.")
        /// What `black` changes when heard 8 s after `first` and `second` were made.
        func landing(after first: IntentMsg, _ second: IntentMsg) -> [String] {
            var m = MeetingStateMachine()
            _ = Self.hear(&m, first, at: 0)
            _ = Self.hear(&m, second, at: 8)
            return Self.generated(Self.hear(&m, black, at: 16) + m.handle(.tick(30))).map { "\($0.target) \($0.kind)" }
        }
        let login = Self.ask("u2", .login, "Let's mock up a login screen with a continue button.")
        #expect(landing(after: pay, login) == ["c2 login"], "the login's button, not the pay button made before it")
        let newerPay = Self.ask("u2", .button, "Let's build a pay button.")
        #expect(landing(after: Self.ask("u1", .login, "Let's mock up a login screen."), newerPay) == ["c2 button"],
                "a button made after the login is the one meant")
        #expect(landing(after: pay, Self.ask("u2", .tabs, "Let's build tabs for billing and members.")) == ["c1 button"],
                "tabs hold no button")

        // Once the talk has moved on from the login, its buttons are not meant: the pay button
        // is named, so the change is offered for it, as any change to a long-undiscussed component.
        var cold = MeetingStateMachine()
        _ = Self.hear(&cold, pay, at: 0)
        _ = Self.hear(&cold, login, at: 8)
        Self.chatter(&cold, from: 12, lines: 6)
        let late = Self.hear(&cold, black, at: 150) + cold.handle(.tick(160))
        #expect(Self.generated(late).isEmpty)
        #expect(Self.suggested(late).map(\.id) == ["u3"])
    }

    @Test func aNewThingTheLexiconLacksDoesNotRestyleThePreviousComponent() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .button, "Let's build a pay button."), at: 0)
        let lacking = Self.ask("u2", nil, "Let's do an onboarding flow in Notion's colours.", cue: false, refine: true, refersTo: .button)
        let effects = Self.hear(&m, lacking, at: 8) + m.handle(.tick(20))
        #expect(Self.generated(effects).isEmpty)
        #expect(Self.suggested(effects).first?.reason.contains("no template") == true)

        // The new thing as the line's subject: "the bottom" places it, it points at nothing made.
        let subject = Self.ask("u3", nil, "Then a sticky call-us strip at the bottom.", cue: false, refine: true, refersTo: .button)
        let placed = Self.hear(&m, subject, at: 16) + m.handle(.tick(30))
        #expect(Self.generated(placed).isEmpty, "the pay button gets no version from it")
        #expect(Self.suggested(placed).map(\.reason)
                == ["heard: maybe something new MockPilot has no template for — enter to apply it to the button c1"])
        // A change of what is there that names the table keeps landing on it.
        let change = Self.ask("u4", nil, "Make the bottom edge a bit rounder.", cue: false, refine: true, refersTo: .button)
        #expect(Self.generated(Self.hear(&m, change, at: 34) + m.handle(.tick(50))).map(\.target) == ["c1"])
    }

    @Test func aChangeWithNothingMadeYetIsOfferedNotMadeIntoAComponent() {
        var m = MeetingStateMachine()
        let effects = Self.hear(&m, Self.ask("u1", nil, "Make it bigger.", cue: false, refine: true), at: 0) + m.handle(.tick(10))
        #expect(Self.generated(effects).isEmpty)
        #expect(Self.suggested(effects).first?.reason == "heard: a change, but no component exists yet")
        #expect(m.handle(.key(.makeSuggestion(utteranceID: "u1"))) == [.notice("nothing to make: u1 changes a component, and none exists yet")])
    }

    @Test func anUnsureAskIsOfferedAndGMakesTheNewestOffer() {
        var m = MeetingStateMachine()
        let effects = Self.hear(&m, Self.ask("u1", .pricing, "Maybe a pricing page at some point.", confidence: 0.6), at: 0)
            + Self.hear(&m, Self.ask("u2", .modal, "Possibly an invite dialog.", confidence: 0.55), at: 5)
            + m.handle(.tick(20))
        #expect(Self.generated(effects).isEmpty, "below the threshold nothing is written alone")
        #expect(Self.suggested(effects).map(\.reason) == ["heard: maybe a pricing table — enter to make it",
                                                          "heard: maybe a modal — enter to make it"])
        #expect(Self.generated(m.handle(.key(.generateNow))).map { "\($0.id) \($0.target) \($0.kind)" } == ["u2 c1 modal"])
        #expect(Self.generated(m.handle(.key(.makeSuggestion(utteranceID: "u1")))).map(\.target) == ["c2"])
        #expect(m.handle(.key(.makeSuggestion(utteranceID: "u1"))) == [.notice("nothing to make: that suggestion was already made")])
        #expect(m.handle(.key(.generateNow)) == [.readTalk], "no offer left: g reads the talk")
    }

    @Test func aChangeRightAfterAnOfferedNewThingTakesItUp() {
        let card = Self.ask("u1", .card, "The home screen could have a card for each room.", confidence: 0.6, cue: false)
        var rounder = Self.ask("u2", nil, "Make it rounder, with a soft shadow.", confidence: 0.6, cue: false, refine: true)
        rounder.styles = ["rounded", "shadow"]
        var m = MeetingStateMachine()
        #expect(Self.suggested(Self.hear(&m, card, at: 0)).map(\.id) == ["u1"])
        let effects = Self.hear(&m, rounder, at: 6) + m.handle(.tick(12))
        #expect(Self.generated(effects).map { "\($0.id) \($0.target) \($0.kind)" } == ["u1 c1 card", "u2 c1 card"])
        #expect(m.handle(.key(.makeSuggestion(utteranceID: "u1"))) == [.notice("nothing to make: that suggestion was already made")])

        // Two lines of other talk between: the offer stays an offer, and the change has nothing to land on.
        var late = MeetingStateMachine()
        _ = Self.hear(&late, card, at: 0)
        Self.chatter(&late, from: 3, lines: 2)
        let lateEffects = Self.hear(&late, rounder, at: 15) + late.handle(.tick(30))
        #expect(Self.generated(lateEffects).isEmpty)
        #expect(Self.suggested(lateEffects).map(\.reason) == ["heard: a change, but no component exists yet"])

        // A change naming another kind does not take it up.
        var other = MeetingStateMachine()
        _ = Self.hear(&other, card, at: 0)
        let button = Self.ask("u2", .button, "The button bigger.", confidence: 0.6, cue: false, refine: true, refersTo: .button)
        #expect(Self.generated(Self.hear(&other, button, at: 6) + other.handle(.tick(20))).isEmpty)

        // Read as the card again, it is a change to the one card, pointing at it or not (a
        // sure reading that introduces nothing is not a second card); one that says nothing of
        // the look is talk going on about the card, not a change.
        var again = MeetingStateMachine()
        _ = Self.hear(&again, card, at: 0)
        var cardAgain = rounder
        (cardAgain.component, cardAgain.refine) = (.card, false)
        #expect(Self.generated(Self.hear(&again, cardAgain, at: 6) + again.handle(.tick(12))).map(\.target) == ["c1", "c1"])
        var bare = MeetingStateMachine()
        _ = Self.hear(&bare, card, at: 0)
        var redAgain = Self.ask("u2", .card, "Red, full width, above everything.", confidence: 0.99, cue: false)
        redAgain.colors = ["red"]
        #expect(Self.generated(Self.hear(&bare, redAgain, at: 6) + bare.handle(.tick(12))).map { "\($0.id) \($0.target)" }
                == ["u1 c1", "u2 c1"], "the offered card made from both lines")
        var second = MeetingStateMachine()
        _ = Self.hear(&second, card, at: 0)
        var another = redAgain
        another.text = "And another card in red for bedrooms."
        #expect(Self.generated(Self.hear(&second, another, at: 6) + second.handle(.tick(12))).map { "\($0.id) \($0.target)" }
                == ["u2 c1"], "another card is a card of its own; the offer stays an offer")
        var talk = MeetingStateMachine()
        _ = Self.hear(&talk, card, at: 0)
        let onAbout = Self.ask("u2", .card, "You get the card, you put it on the server.", confidence: 0.7, cue: false, refine: true)
        #expect(Self.generated(Self.hear(&talk, onAbout, at: 6) + talk.handle(.tick(20))).isEmpty)

        // From the rules alone, whose confidences are no probabilities, nothing is taken up.
        var rules = MeetingStateMachine(settings: .init(newNeedsCue: true))
        _ = Self.hear(&rules, card, at: 0)
        #expect(Self.generated(Self.hear(&rules, rounder, at: 6) + rules.handle(.tick(20))).isEmpty)
    }

    @Test func aPartTheOfferNamedOrAChangeToTheOfferedKindTakesItUp() {
        let card = Self.ask("u1", .card, "The courier home screen could be one huge card: next drop, and a navigate button.",
                            confidence: 0.74, cue: false, label: "Navigate")
        // The part the offer named, said again with how it looks: the card is made and changed.
        var navigate = Self.ask("u2", .button, "Navigate button takes the whole bottom, yellow.", confidence: 0.99, cue: false,
                                label: "Navigate")
        navigate.colors = ["yellow"]
        var m = MeetingStateMachine()
        #expect(Self.suggested(Self.hear(&m, card, at: 0)).map(\.id) == ["u1"])
        #expect(Self.generated(Self.hear(&m, navigate, at: 6) + m.handle(.tick(12))).map { "\($0.id) \($0.target) \($0.kind)" }
                == ["u1 c1 card", "u2 c1 card"])

        // A button the offer did not name is a button of its own; the card stays offered.
        var other = MeetingStateMachine()
        _ = Self.hear(&other, card, at: 0)
        var pay = navigate
        pay.label = "Pay"
        #expect(Self.generated(Self.hear(&other, pay, at: 6) + other.handle(.tick(12))).map { "\($0.id) \($0.target) \($0.kind)" }
                == ["u2 c1 button"])
        // Nor does a part the card cannot hold take it up, named in the offer or not.
        var notPart = MeetingStateMachine()
        _ = Self.hear(&notPart, card, at: 0)
        var footer = navigate
        footer.component = .footer
        #expect(Self.generated(Self.hear(&notPart, footer, at: 6) + notPart.handle(.tick(12))).map(\.kind) == [.footer])

        // A change that names the offered kind takes it up, whatever part it adds.
        var badge = Self.ask("u2", .badge, "If it needs water today the card gets a blue drop badge.", confidence: 0.99, cue: false,
                             refine: true, refersTo: .card)
        badge.colors = ["blue"]
        var named = MeetingStateMachine()
        _ = Self.hear(&named, card, at: 0)
        #expect(Self.generated(Self.hear(&named, badge, at: 6) + named.handle(.tick(12))).map { "\($0.id) \($0.target) \($0.kind)" }
                == ["u1 c1 card", "u2 c1 card"])
    }

    @Test func aReadingUnderTheFloorIsTalk() {
        var m = MeetingStateMachine()
        let effects = Self.hear(&m, Self.ask("u1", .button, "The button broke last week.", confidence: 0.3), at: 0)
        #expect(effects.isEmpty)
        #expect(m.otherTalk == 1)
    }

    @Test func aMadeOfferPutsItsComponentOnTheTable() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .button, "Let's build a pay button."), at: 0)
        _ = Self.hear(&m, Self.ask("u2", nil, "Make it bigger.", cue: false, refine: true), at: 300)
        #expect(Self.generated(m.handle(.key(.makeSuggestion(utteranceID: "u2")))).map(\.target) == ["c1"])
        // Just discussed again: the next vague change lands without asking.
        let effects = Self.hear(&m, Self.ask("u3", nil, "And give it a shadow.", cue: false, refine: true), at: 305)
            + m.handle(.tick(320))
        #expect(Self.generated(effects).map(\.target) == ["c1"])
    }

    @Test func withAModelUnsureReadingsAreAskedAboutAndItsAnswerLands() {
        var m = MeetingStateMachine(settings: .init(modelFloor: 0.4))
        let unsure = Self.ask("u1", .navbar, "That nav thing from Linear?", confidence: 0.45)
        let line = Self.line("u1", "That nav thing from Linear?", at: 0)
        #expect(m.handle(.heard(line, reading: unsure)) == [.askModel(unsure, line: line)])
        var sure = unsure
        sure.confidence = 0.9
        let effects = m.handle(.classified(sure, line: line))
        #expect(Self.generated(effects).map(\.target) == ["c1"])
        #expect(m.handle(.classified(nil, line: Self.line("u2", "no", at: 5))).isEmpty)
    }

    @Test func anUnsureChangeLandsOnAWarmTableAndIsOfferedOnceItIsCold() {
        var m = MeetingStateMachine()
        let made = Self.hear(&m, Self.ask("u1", .search, "Let's build a search bar."), at: 0)
        let rounder = Self.ask("u2", nil, "Rounder, with a soft shadow.", confidence: 0.6, cue: false, refine: true)
        let warm = made + Self.hear(&m, rounder, at: 6) + m.handle(.tick(12))
        #expect(Self.generated(warm).map { "\($0.id) \($0.target)" } == ["u1 c1", "u2 c1"],
                "right after the search bar, a change read unsure lands on it")
        let later = Self.ask("u3", nil, "Rounder, with a soft shadow.", confidence: 0.6, cue: false, refine: true)
        let cold = Self.hear(&m, later, at: 300) + m.handle(.tick(310))
        #expect(Self.generated(cold).isEmpty)
        #expect(Self.suggested(cold).map(\.reason) == ["heard: maybe a change to the search bar c1 — enter to make it"])
    }

    @Test func anUnsureNewThingIsOfferedEvenOnAWarmTable() {
        var m = MeetingStateMachine()
        let made = Self.hear(&m, Self.ask("u1", .button, "Let's build a pill-shaped pay button."), at: 0)
        // Read as a footer at 0.7 (the most a line with no request frame gets), and it asks for nothing.
        let wait = Self.ask("u2", .footer, "Sounds good, and the footer can wait.", confidence: 0.7, cue: false)
        let effects = made + Self.hear(&m, wait, at: 5) + m.handle(.tick(20))
        #expect(Self.generated(effects).map(\.id) == ["u1"])
        #expect(Self.suggested(effects).map(\.id) == ["u2"])
    }

    /// A new thing read at the session threshold (a line with no request frame the head is all but
    /// sure of) is made while the table is warm, and only offered with nothing on the table or once
    /// the talk has moved on: design talk under way lowers the bar, talk about UI alone does not.
    @Test func aNewThingAtTheSessionThresholdIsMadeOnAWarmTableOnly() {
        let settings = MeetingStateMachine.Settings(sessionThreshold: 0.74)
        let tags = { (id: String) in Self.ask(id, .badge, "Tags as pills under the note title.", confidence: 0.74, cue: false) }

        var warm = MeetingStateMachine(settings: settings)
        let made = Self.hear(&warm, Self.ask("u1", .card, "Let's build a note card."), at: 0)
            + Self.hear(&warm, tags("u2"), at: 10) + warm.handle(.tick(30))
        #expect(Self.generated(made).map(\.kind) == [.card, .badge])
        #expect(Self.suggested(made).isEmpty)

        var empty = MeetingStateMachine(settings: settings)
        let alone = Self.hear(&empty, tags("u1"), at: 0) + empty.handle(.tick(20))
        #expect(Self.generated(alone).isEmpty)
        #expect(Self.suggested(alone).map(\.id) == ["u1"])

        var cold = MeetingStateMachine(settings: settings)
        _ = Self.hear(&cold, Self.ask("u1", .card, "Let's build a note card."), at: 0)
        Self.chatter(&cold, from: 10, lines: 8)
        let later = Self.hear(&cold, tags("u9"), at: 300) + cold.handle(.tick(320))
        #expect(Self.generated(later).isEmpty)
        #expect(Self.suggested(later).map(\.id) == ["u9"])

        var unset = MeetingStateMachine()
        let noBar = Self.hear(&unset, Self.ask("u1", .card, "Let's build a note card."), at: 0)
            + Self.hear(&unset, tags("u2"), at: 10) + unset.handle(.tick(30))
        #expect(Self.generated(noBar).map(\.id) == ["u1"], "without a session threshold the bar is the threshold")
    }

    @Test func finishGeneratesWhatIsPending() {
        var m = MeetingStateMachine()
        _ = Self.hear(&m, Self.ask("u1", .card, "A plan card would be nice.", cue: false), at: 0)
        #expect(m.pendingCount == 1)
        #expect(Self.generated(m.handle(.finish)).map(\.target) == ["c1"])
    }

    @Test func partKindsComeFromTheBundledTableAndNameOnlyKnownKinds() {
        let text = String(decoding: PackageResources.part_kinds_txt, as: UTF8.self)
        #expect(KindParts.unknownNames(in: text).isEmpty, "\(KindParts.unknownNames(in: text))")
        #expect(KindParts.unknownNames(in: "list: badge chip\ncard badge") == ["chip", "card badge"])
        let parts = KindParts.bundled
        #expect(parts.holds(.list, .badge) && parts.holds(.form, .input) && parts.holds(.modal, .button))
        #expect(!parts.holds(.button, .table) && !parts.holds(.badge, .list))
    }

    @Test func referenceWordsComeFromTheBundledLists() {
        let words = ReferenceWords.bundled
        #expect(words.referring.contains("it"))
        #expect(words.introducing.contains("an"))
        #expect(words.introducesSomethingNew("let's do an invite flow like Notion's"))
        #expect(!words.introducesSomethingNew("make it a bit bigger"))
        #expect(!words.introducesSomethingNew("A bit bigger."), "a degree, not a thing")
        #expect(!words.introducesSomethingNew("Rounder, with a soft shadow."), "a property of what is there")
        #expect(!words.introducesSomethingNew("Amber, not red, red feels like an emergency."), "a comparison")
        #expect(words.introducesSomethingNew("and for sharing, a dialog with a link"))
        #expect(!words.introducesSomethingNew("rounded corners and a light gray background"), "a look's part")
        #expect(!words.introducesSomethingNew("Done steps get a green tick."), "a look's part")
        #expect(words.introducesSomethingNew("let's do a dark onboarding flow like Notion's"), "a thing, though dark")
        // A line whose subject is a new thing: what follows describes it, "the" and "it" included.
        #expect(words.introducesSomethingNew("Maybe a star on each card to save it for later?"))
        #expect(words.introducesSomethingNew("A live dot, pulsing, green, at the top."))
        #expect(words.introducesSomethingNew("And a small bubble that explains each setting when you hover over it."))
        #expect(!words.introducesSomethingNew("A bit bigger than the rest, it gets lost."), "a degree, though it opens the line")
        #expect(!words.introducesSomethingNew("Then a softer shadow under the card."), "a property, though it opens the line")
        #expect(!words.introducesSomethingNew("Give the card a shadow at the bottom."), "opened by a verb: a change to the card")
    }
}
