import Core
import Testing
@testable import Intent

/// Speech recognisers mangle brand and component words; these are Whisper tiny.en's habits.
@Suite struct SoundAlikeTests {
    @Test func consonantKeysMatchMisheardWords() {
        #expect(SoundAlike.key("stripe") == SoundAlike.key("storip"))
        #expect(SoundAlike.key("pill") == SoundAlike.key("bill"))
        #expect(SoundAlike.key("form") == SoundAlike.key("firm"))
        #expect(SoundAlike.key("button") != SoundAlike.key("bottom"))
        #expect(SoundAlike.distance("carousel", "carousal") == 1)
        #expect(SoundAlike.nearMiss("carousal", "carousel"))
        #expect(!SoundAlike.nearMiss("model", "modal"))  // too short to guess without context
    }

    @Test func aBrandHeardAsSeveralWordsIsStillTheReference() throws {
        let intent = try #require(try Fixture.one("Let's build a pricing section with three tiers, kind of like what's to rip has."))
        #expect(intent.brandRefs == ["Stripe"])
        #expect(intent.component == .pricing)
    }

    @Test func spelledOutBrandNamesAreJoined() throws {
        let intent = try #require(try Fixture.one("Let's mock up a listing card like air b and b."))
        #expect(intent.brandRefs == ["Airbnb"])
    }

    @Test func misheardCueVerbsAndComponents() throws {
        #expect(try Fixture.one("Let's mark up a login screen, nothing fancy.")?.component == .login)
        #expect(try Fixture.one("Can we stay up a search bar, full width?")?.component == .search)
        #expect(try Fixture.one("We stayed up late fixing the search bar.") == nil)
        #expect(try Fixture.one("Let's stay up late and finish the search bar.") == nil)
        #expect(try Fixture.one("Let's proto type a dropdown for the workspace.")?.component == .dropdown)
        #expect(try Fixture.one("Let's prototype a model with a frosted glass look.")?.component == .modal)
        #expect(try Fixture.one("Let's build the cover sale of customer logos, auto scrolling.")?.component == .carousel)
        #expect(try Fixture.one("I want the network to stick to the top when you scroll.")?.component == .navbar)
        #expect(try Fixture.one("Let's build a check out page like Shopify's.")?.component == .checkout)
    }

    @Test func aMisheardShapeStillSoundsLikeTheShape() throws {
        let results = try Fixture.run(["Can we get a big blue call to action button?", "Make it bill shaped."])
        #expect(results[1]?.styles == ["pill"])
    }

    /// "network" and "batch" are what tiny.en makes of "navbar" and "badge", and ordinary words
    /// too: they name a component only beside other design words.
    @Test func knownMishearingsNeedDesignWordsAroundThem() throws {
        #expect(try Fixture.one("Let's build a network of partners in Europe.") == nil)
        #expect(try Fixture.one("Can we get a batch of test accounts?") == nil)
        #expect(try Fixture.one("Let's stay up a summary for the board.") == nil)
        let sticky = try #require(try Fixture.one("Can we get a network with the logo on the left, dark?"))
        #expect(sticky.component == .navbar && sticky.styles == ["dark"])
        #expect(try Fixture.one("Let's spin up a batch for unread messages, red and rounded.")?.component == .badge)
    }

    @Test func soundAlikesNeedARequestAroundThem() throws {
        // "network" and "model" are ordinary words outside a request.
        #expect(try Fixture.one("The network was flaky during the demo.") == nil)
        #expect(try Fixture.one("We should build a model of churn for the board.") == nil)
        // A three-consonant word ("ticket") is too short to be a long name heard wrong ("datagrid").
        #expect(try Fixture.one("Let's create a ticket for that.") == nil)
        // A brand name heard in passing is not a style reference.
        #expect(try Fixture.one("Let's build a table of zebra stripes counts.")?.brandRefs == [])
    }
}
