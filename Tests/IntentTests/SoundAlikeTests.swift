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

    @Test func soundAlikesNeedARequestAroundThem() throws {
        // "network" and "model" are ordinary words outside a request.
        #expect(try Fixture.one("The network was flaky during the demo.") == nil)
        #expect(try Fixture.one("We should build a model of churn for the board.") == nil)
        // A brand name heard in passing is not a style reference.
        #expect(try Fixture.one("Let's build a table of zebra stripes counts.")?.brandRefs == [])
    }
}
