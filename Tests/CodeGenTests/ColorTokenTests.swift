import Testing
@testable import CodeGen

@Suite struct ColorTokenTests {
    @Test func parsesSpokenAndWrittenColours() {
        #expect(ColorToken(parsing: "purple") == .palette(hue: "purple", shade: 600))
        #expect(ColorToken(parsing: "Yellow") == .palette(hue: "yellow", shade: 400))
        #expect(ColorToken(parsing: "indigo-500") == .palette(hue: "indigo", shade: 500))
        #expect(ColorToken(parsing: "light blue") == .palette(hue: "blue", shade: 300))
        #expect(ColorToken(parsing: "dark-green") == .palette(hue: "green", shade: 800))
        #expect(ColorToken(parsing: "navy") == .palette(hue: "blue", shade: 900))
        #expect(ColorToken(parsing: "#635BFF") == .hex("#635bff"))
        #expect(ColorToken(parsing: "#fff") == .hex("#ffffff"))
        #expect(ColorToken(parsing: "white") == .white)
    }

    @Test func rejectsAnythingThatIsNotAColour() {
        for bad in ["octarine", "purple-550", "#12345", "#gggggg", "red; x", "bg-red-500", "", "#635bff\"><b>", "purple blue"] {
            #expect(ColorToken(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func classesUseArbitraryValuesForHex() {
        #expect(ColorToken.hex("#635bff").cls("bg") == "bg-[#635bff]")
        #expect(ColorToken.palette(hue: "purple", shade: 600).cls("from") == "from-purple-600")
        #expect(ColorToken.white.cls("text", alpha: 10) == "text-white/10")
    }

    @Test func darknessPicksReadableText() {
        #expect(ColorToken.hex("#635bff").onColor == .white)        // Stripe
        #expect(ColorToken.hex("#ffe01b").onColor != .white)        // Mailchimp yellow
        #expect(ColorToken.hex("#1db954").onColor != .white)        // Spotify green takes black text
        #expect(ColorToken.palette(hue: "yellow", shade: 400).onColor != .white)
        #expect(ColorToken.palette(hue: "indigo", shade: 600).onColor == .white)
    }

    @Test func hoverAndPartnerShades() {
        #expect(ColorToken.palette(hue: "purple", shade: 600).hover == .palette(hue: "purple", shade: 700))
        #expect(ColorToken.palette(hue: "purple", shade: 950).hover == .palette(hue: "purple", shade: 800))
        #expect(ColorToken.hex("#000000").hover == nil)
        #expect(ColorToken.palette(hue: "purple", shade: 600).partner == .palette(hue: "purple", shade: 400))
        #expect(ColorToken.hex("#000000").partner == .hex("#666666"))
    }

    @Test func fontStacksKeepOnlyPlainNames() {
        #expect(FontStack("Sohne, Inter, sans-serif")?.cls == "font-[Sohne,Inter,sans-serif]")
        #expect(FontStack("SF Pro Display, -apple-system")?.cls == "font-[SF_Pro_Display,-apple-system]")
        #expect(FontStack("Inter]; x{y}, serif")?.text == "serif")
        #expect(FontStack("'Quoted'") == nil)
    }
}
