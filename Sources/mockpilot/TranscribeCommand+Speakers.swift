import Capture
import Core
import Foundation
import Speaker
import Speech
import Whisper

/// `transcribe --speakers`: each utterance's audio goes to the speaker labeller as the speech
/// stage reads it from the file, once, as in a live meeting (embedded ahead while it is read, the
/// rest when it is cut), so labels are what a live meeting would have shown and nothing holds the
/// recording in memory.
extension TranscribeCommand {
    /// Resemblyzer's encoder, loaded once for every file; nil without --speakers.
    func speakerWeights() throws -> VoiceEncoderWeights? {
        speakers ? try VoiceEncoderWeights(directory: Paths.models() + "/resemblyzer") : nil
    }

    /// The file through `run`'s speech stage: voice activity, then each utterance decoded with
    /// the prompt (the design prompt also carries the last few utterances, as in `run`), and with
    /// `speakers` its speaker, from a labeller of its own (speakers are counted per file).
    func utterances(path: String, transcriber: LiveTranscriber,
                    speakers: VoiceEncoderWeights?) async throws -> (segments: [TranscriptSegment], speakers: [String]) {
        let collected = Collected()
        let labeller = speakers.map { SpeakerLabeller(weights: $0) }
        try await transcriber.run(source: FileSource(path: path, realtime: false), live: false, speakers: labeller) { event in
            switch event {
            case .utterance(let u) where u.isFinal: collected.append(u.msg)
            case .warning(let text), .notice(let text): warn(text)
            default: break
            }
        }
        let messages = collected.messages
        let segments = messages.map {
            TranscriptSegment(text: $0.text, start: $0.tsStart, end: $0.tsEnd, tokens: [], avgLogProb: 0, noSpeechProb: 0)
        }
        return (segments, messages.compactMap(\.speaker))
    }
}

/// Finals as the speech stage reports them, from its recognition thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [TranscriptMsg] = []

    func append(_ message: TranscriptMsg) { lock.withLock { list.append(message) } }
    var messages: [TranscriptMsg] { lock.withLock { list } }
}
