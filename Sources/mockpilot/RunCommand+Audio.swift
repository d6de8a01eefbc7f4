import ArgumentParser
import Capture
import Config
import Foundation
import Pipeline
import Speech
import Whisper

/// `run` on audio: a microphone, a file or stdin, through speech recognition into the pipeline.
extension RunCommand {
    func runAudio(settings: Settings) async throws {
        let source = settings.inputSource
        let live = source.hasPrefix("alsa:") || settings.realtime
        if source.hasPrefix("alsa:") {
            // No microphone should be one clear line before anything else starts.
            do {
                try ALSASource(device: String(source.dropFirst(5))).check()
            } catch {
                throw CleanExit.failure(error.localizedDescription)
            }
        } else if source != "-" && !FileManager.default.fileExists(atPath: source) {
            throw CleanExit.failure("\(source): no such audio file (or use alsa:DEVICE for a microphone)")
        }
        let audio = AudioSources.open(source, realtime: settings.realtime)
        let whisper: WhisperModel
        do {
            whisper = try WhisperModel.load(directory: settings.modelDirectory)
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        let meeting: Meeting
        let setup = MeetingSetup(settings: settings)
        do {
            meeting = try await setup.open(source: source, model: whisper.name)
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        var prompt = settings.designPrompt ? DesignPrompt(brands: try setup.brands()) : nil
        if prompt != nil, let problem = LiveTranscriber.promptUnavailable(model: whisper) {
            // On by default, so a model folder without tokenizer.json must not cost the meeting
            // its text: recognise without the prompt, and say so once.
            prompt = nil
            let line = "design prompt off: \(problem)"
            if noTUI || isatty(STDOUT_FILENO) != 1 { warn(line) }
            await meeting.report(notice: line)
        }
        var options = TranscriptionOptions()
        options.threads = settings.threads
        let transcriber = LiveTranscriber(model: whisper, options: options, vadThreshold: Float(settings.vadThreshold),
                                          prompt: prompt)
        let feed = AudioFeed(transcriber: transcriber, source: audio, live: live)
        try await present(meeting: meeting, settings: settings) {
            do {
                try await feed.play(into: meeting)
            } catch let stopped as CancellationError {
                throw stopped   // quit: the caller decides whether the meeting still finishes
            } catch {
                await meeting.report(warning: error.localizedDescription)
                await meeting.finish()
            }
        }
    }
}
