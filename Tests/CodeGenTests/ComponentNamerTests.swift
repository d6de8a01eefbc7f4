import Core
import Testing
@testable import CodeGen

@Suite struct ComponentNamerTests {
    func name(_ label: String?, _ kind: ComponentKind) -> String { ComponentNamer.name(label: label, kind: kind).name }

    @Test func labelPlusKind() {
        #expect(name("pay", .button) == "PayButton")
        #expect(name("pay now", .button) == "PayNowButton")
        #expect(name("sign up", .form) == "SignUpForm")
    }

    @Test func noLabelGivesTheKindTypeName() {
        #expect(name(nil, .pricing) == "PricingTable")
        #expect(name("", .navbar) == "Navbar")
        #expect(name("🎉 ✨", .card) == "Card")
    }

    @Test func kindWordsAreNotRepeated() {
        #expect(name("pay button", .button) == "PayButton")
        #expect(name("pricing", .pricing) == "PricingTable")
        #expect(name("Checkout", .checkout) == "CheckoutForm")
    }

    @Test func speechNeverBreaksTheIdentifier() {
        for label in ["</div><script>alert(1)</script>", "{process.exit()}", "\"; DROP", "3 tier", "123", "class",
                      "café crème", "a-b_c.d", "\u{202E}evil", "x y z w v u", "$money", "constructor"] {
            for kind in ComponentKind.allCases {
                let n = name(label, kind)
                #expect(JSIdentifier.isValid(n), "\(label) -> \(n)")
                #expect(n.first?.isUppercase == true, "\(label) -> \(n)")
                #expect(n.hasSuffix(kind.typeName), "\(label) -> \(n)")
            }
        }
        #expect(name("3 tier", .pricing) == "TierPricingTable")
        #expect(name("café crème", .card) == "CafeCremeCard")
        #expect(name("x y z w v u", .list) == "XYZList")
        #expect(name("</div><script>alert(1)</script>", .alert) == "DivScript1Alert")
    }

    @Test func givenNamesAreKeptWhenValidAndRebuiltOtherwise() {
        #expect(ComponentNamer.name(given: "HeroBanner", kind: .hero).name == "HeroBanner")
        #expect(ComponentNamer.name(given: "hero banner", kind: .hero).name == "HeroBanner")
        #expect(ComponentNamer.name(given: "<Evil/>", kind: .hero).name == "Evil")
        #expect(ComponentNamer.name(given: "9lives", kind: .card).name == "Card")
    }
}
