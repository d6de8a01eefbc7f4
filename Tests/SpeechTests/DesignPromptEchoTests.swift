import Brands
import Capture
import Foundation
import Testing
import TestSupport
import Whisper
@testable import Speech

@Suite struct DesignPromptEchoTests {
    static func prompt() throws -> DesignPrompt {
        let themes = Repository.root.appendingPathComponent("Themes").path
        return DesignPrompt(brands: try BrandTable.load(themesDirectory: themes, userFile: nil))
    }

    /// A design word of the recent lines said twice running is a copy of the prompt; the same
    /// words without that line before them, or a word that is not a design word, are not.
    @Test func aDesignWordOfTheRecentLinesSaidTwiceRunningIsAnEcho() throws {
        let prompt = try Self.prompt()
        let recent = ["Can we get a comparison table under the pricing cards?", "Notion's pricing changed, so our team plan costs more now."]
        #expect(prompt.echo(in: "Notion, notion, like, have a mid-headline and to buttons, centered.", recent: recent) == "notion")
        #expect(prompt.echo(in: "Notion, notion, like, have a mid-headline.", recent: ["Let's build a pricing page."]) == nil)
        #expect(prompt.echo(in: "Notion's onboarding is lovely, like Notion's.", recent: recent) == nil)   // not running
        #expect(prompt.echo(in: "The, the plan costs more now.", recent: recent) == nil)                     // not a design word
        #expect(prompt.echo(in: "Pricing pricing.", recent: []) == nil)
    }
}

extension WholePathTests {
    @Suite struct DesignPromptEchoMeetingTests {
        /// In the third dev meeting, "Notion's pricing changed" is followed by "Um, the hero, the hero
        /// should, like, have a big headline and two buttons". With that line in its prompt, tiny.en heard
        /// "Notion, notion, like, have a mid-headline": the line is decoded again without it.
        @Test func aFinalThatCopiesThePromptIsHeardAgainWithoutIt() async throws {
            let model = try SpeechFixtures.whisper.get()
            let meeting = Repository.shared.appendingPathComponent("eval/audio/meetings/meeting_03.wav").path
            var transcriber = LiveTranscriber(model: model, options: TranscriptionOptions(), prompt: try DesignPromptEchoTests.prompt())
            transcriber.partials = false
            let emitted = Emitted()
            try await transcriber.run(source: FileSource(path: meeting, realtime: false), live: false) { emitted.append($0) }
            let finals = emitted.finals
            let notion = try #require(finals.firstIndex { $0.lowercased().contains("notion") }, "\(finals)")
            let next = try #require(finals.dropFirst(notion + 1).first, "\(finals)")
            #expect(next.lowercased().contains("hero"), "\(finals)")
            #expect(!finals.contains { $0.lowercased().contains("notion, notion") }, "\(finals)")
        }
    }
}
