import Foundation
import TestSupport
import Testing

/// The design prompt's decoder bias as a user meets it: a design word tiny.en loses to a
/// sound-alike is heard with the bias and lost without it, and plain transcripts do not move.
@Suite(.serialized) struct TranscribeDesignBiasTests {
    static let line = Repository.shared.appendingPathComponent("eval/audio/lines/dev-080.wav").path

    /// "Make the icons round and add a badge for unread messages": with the prompt alone tiny.en
    /// hears "add a batch"; the bias (on by default with --design-prompt) makes it a badge,
    /// over whole windows and through `run`'s speech stage (--vad) alike.
    @Test(arguments: [[], ["--vad"]])
    func aBadgeIsHeardWithTheBiasAndLostWithout(mode: [String]) throws {
        let biased = try Binary.run(["transcribe", "--format", "text", "--design-prompt"] + mode + [Self.line])
        #expect(biased.status == 0, "\(biased.stderr)")
        #expect(biased.stdout.lowercased().contains("badge"), "\(biased.stdout)")
        let unbiased = try Binary.run(["transcribe", "--format", "text", "--design-prompt", "--design-bias", "0"] + mode + [Self.line])
        #expect(unbiased.status == 0, "\(unbiased.stderr)")
        #expect(!unbiased.stdout.lowercased().contains("badge"), "\(unbiased.stdout)")
    }

    /// Without the design prompt there is no bias, whatever --design-bias says: plain output is
    /// word for word (and time for time) what it was.
    @Test(arguments: [[], ["--vad"]])
    func plainOutputIgnoresTheBias(mode: [String]) throws {
        let plain = try Binary.run(["transcribe"] + mode + [Self.line])
        let asked = try Binary.run(["transcribe", "--design-bias", "10"] + mode + [Self.line])
        #expect(plain.status == 0 && asked.status == 0, "\(plain.stderr) \(asked.stderr)")
        #expect(plain.stdout == asked.stdout)
        #expect(plain.stdout.lowercased().contains("batch"), "\(plain.stdout)")
    }

    @Test func anOutOfRangeBiasIsAOneLineError() throws {
        for value in ["=-1", "=nan", "=11"] {
            let result = try Binary.run(["transcribe", "--design-prompt", "--design-bias" + value, Self.line])
            #expect(result.status != 0)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("--design-bias must be between 0 and 10"), "\(result.stderr)")
        }
    }
}
