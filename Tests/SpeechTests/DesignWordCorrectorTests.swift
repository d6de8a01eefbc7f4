import Brands
import Foundation
import Testing
import TestSupport
@testable import Speech

@Suite struct DesignWordCorrectorTests {
    static func corrector() throws -> DesignWordCorrector {
        let themes = Repository.root.appendingPathComponent("Themes").path
        return DesignWordCorrector(brands: try BrandTable.load(themesDirectory: themes, userFile: nil))
    }

    /// Lines as typed by people: every one is already right, so any change is a false fix.
    static func typedLines(_ path: URL) throws -> [String] {
        let text = try String(contentsOf: path, encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).map { line in
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(row["text"] as? String)
        }
    }

    /// What Whisper tiny.en made of the spoken dev lines with the design prompt, and what was said.
    @Test(arguments: [
        ("Proto type and dropdown for the king that works this, like in Slack.",
         "Prototype and dropdown for the king that works this, like in Slack."),
        ("Let's mock up a multi-step firm for the onboarding survey. One question per screen.",
         "Let's mock up a multi-step form for the onboarding survey. One question per screen."),
        ("a bill shaped payment like Strype's", "a pill shaped payment like Stripe's"),
        ("make them capsule shaped and blue like coin bays", "make them capsule shaped and blue like Coinbase"),
        ("draft a prizing page for recruiters", "draft a pricing page for recruiters"),
        ("Let's build a new Lingo style progress bar", "Let's build a Duolingo style progress bar"),
        ("Let's make the navbar like AirBnbs, with the search in the middle.",
         "Let's make the navbar like Airbnb's, with the search in the middle."),
    ])
    func soundAlikesInDesignTalkArePutBack(heard: String, meant: String) throws {
        #expect(try Self.corrector().correct(heard) == meant)
    }

    @Test(arguments: [
        "Split bill button. Orange. Bottom right.",                          // a bill, not a pill
        "We should pay the bill today.",                                      // no design talk
        "Let's have a screen where they put in their username and password.", // "put in" is not "button"
        "Let's build a checkout form with card number, expiry, and CVC.",    // "number" is not "navbar"
        "Stage as a progress stepper across the top of that modal.",         // "stepper" is not "sidebar"
        "We mark up the invoice by ten percent.",                             // no design talk
        "She said strike while it's hot.",                                    // no citing word
        "A card for the fruit, a button for people who like apples.",         // fruit, not Apple's
        "Let's build a navbar. Airbnbs are cheaper than hotels.",             // not cited
    ])
    func ordinaryWordsStay(line: String) throws {
        #expect(try Self.corrector().correct(line) == line)
    }

    @Test func typedDevAndEverydayLinesStayUnchanged() throws {
        let corrector = try Self.corrector()
        let sets = [Repository.shared.appendingPathComponent("eval/intents.dev.jsonl"),
                    Repository.root.appendingPathComponent("Tests/Eval/intents.everyday.jsonl")]
        var lines: [String] = []
        for set in sets {
            #expect(FileManager.default.fileExists(atPath: set.path), "missing \(set.path): link /work/shared as ../shared")
            lines += try Self.typedLines(set)
        }
        #expect(lines.count > 200)
        let changed = lines.filter { corrector.correct($0) != $0 }.map { "\($0) -> \(corrector.correct($0))" }
        #expect(changed.isEmpty, "\(changed)")
    }

    @Test func brandsComeBackOnlyAfterACitingWord() throws {
        let corrector = try Self.corrector()
        #expect(corrector.correct("a pricing card like Strype") == "a pricing card like Stripe")
        #expect(corrector.correct("a pricing card, Strype was here") == "a pricing card, Strype was here")
    }

    @Test func voicedAndUnvoicedSoundsShareAKey() {
        #expect(PhoneticKey("bill") == PhoneticKey("pill"))
        #expect(PhoneticKey("batch") == PhoneticKey("badge"))
        #expect(PhoneticKey("stripe").distance(to: PhoneticKey("strike")) == 1)
        #expect(DesignWordCorrector.syllables("stepper") == 2 && DesignWordCorrector.syllables("sidebar") == 3)
    }
}
