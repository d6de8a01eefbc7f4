import Core
import Speaker

/// The recognition side of `LiveTranscriber`: jobs off the queue, through the recogniser, out as
/// utterances, with the prompt and the stable prefix kept between them.
extension LiveTranscriber {
    /// The prompt each job is decoded with: the design prompt with the recent finals, or the
    /// caller's fixed text, or none.
    struct Prompting: Sendable {
        var design: DesignPrompt?
        var fixed: String?

        var isOn: Bool { design != nil || fixed != nil }

        func text(recent: [String]) -> String? { design?.prompt(recent: recent) ?? fixed }
    }

    /// Decodes queued jobs one at a time, until the queue closes or the task is cancelled.
    func recognise(from queue: DecodeQueue, live: Bool, prompting: Prompting, speakers: SpeakerLabeller?,
                   emit: @escaping @Sendable (SpeechEvent) -> Void) async {
        let recogniser = recogniser(live: live)
        var stable = StablePrefix()
        var recent: [String] = []
        var currentSegment = -1
        var speculated: (range: Range<Int>, text: String)?
        var languageShown = false
        decoding: while let entry = await queue.next() {
            if entry.job.segment != currentSegment {
                currentSegment = entry.job.segment
                stable.reset()
            }
            let start = Double(entry.startSample) / 16_000
            let end = Double(entry.job.range.upperBound) / 16_000
            let text: String
            if entry.job.isFinal, let done = speculated, done.range == entry.job.range {
                text = done.text
            } else {
                let final: Bool
                switch entry.job {
                case .partial: final = false
                case .final, .speculative: final = true
                }
                do {
                    var heard = try await recogniser.recognise(entry.samples, prompt: prompting.text(recent: recent), final: final)
                    // A copy of the recent lines, not what was said: heard again without them.
                    if final, let design = prompting.design, design.echo(in: heard, recent: recent) != nil {
                        heard = try await recogniser.recognise(entry.samples, prompt: design.prompt(recent: []), final: final)
                    }
                    text = heard
                } catch is CancellationError {
                    break decoding   // quitting: the decode in flight stopped at its next token
                } catch {
                    // A final's text is lost, which the user should know; a partial's or a
                    // speculation's failure comes round again with the final.
                    if entry.job.isFinal {
                        let span = String(format: "%.1f-%.1f s", start, end)
                        emit(.warning("speech at \(span) could not be recognised: \(error.localizedDescription)"))
                    }
                    continue
                }
                if case .speculative = entry.job { speculated = (entry.job.range, text) }
            }
            guard !text.isEmpty else { continue }
            let id = "a\(entry.job.segment)"
            if entry.job.isFinal {
                // Sound-alikes of design words the prompt did not prevent, put back in finals.
                let text = prompting.design?.corrector.correct(text) ?? text
                recent.append(text)
                if recent.count > 6 { recent.removeFirst() }
                var msg = TranscriptMsg(text: text, tsStart: start, tsEnd: end)
                // Its embedding started when the utterance was cut, beside this decode: the wait
                // here is only what it has left.
                if let speakers {
                    msg.speaker = SpeakerLabeller.name(of: await speakers.speaker(of: entry.job.range, samples: entry.samples))
                }
                emit(.utterance(Utterance(id: id, msg: msg, isFinal: true)))
                if !languageShown, let language = recogniser.detectedLanguage {
                    languageShown = true
                    emit(.notice("speech language: \(language) (detected)"))
                }
            } else {
                let shown = stable.update(text)
                emit(.utterance(Utterance(id: id, msg: TranscriptMsg(text: shown, tsStart: start, tsEnd: end), isFinal: false)))
            }
        }
        // Nothing more will be taken: let a capture waiting for room go on (and end).
        await queue.stop()
    }
}
