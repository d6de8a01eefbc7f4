import ArgumentParser
import Capture
import Config
import Core
import Foundation
import Pipeline
import Speaker
import Speech
import Whisper

/// `run` on audio: a microphone, a file or stdin, through speech recognition into the pipeline.
extension RunCommand {
    /// What to hear: every --input (else input.source), and with --call the default monitor too.
    func audioInputs(settings: Settings) -> [String] {
        var specs = input.isEmpty ? [settings.inputSource] : input
        if call && !specs.contains(where: AudioSources.isCall) { specs.append("monitor") }
        return specs
    }

    func runAudio(settings: Settings, inputs specs: [String]) async throws {
        let live = specs.contains(where: AudioSources.isLive) || settings.realtime
        if specs.count > 1 {
            // A file read at full speed beside live capture would race ahead of it.
            if !settings.realtime, let file = specs.first(where: { !AudioSources.isLive($0) }) {
                throw CleanExit.failure("\(file): a file beside other inputs needs --realtime (or give it alone)")
            }
            if specs.filter({ $0 == "-" }).count > 1 { throw CleanExit.failure("stdin (-) can be only one input") }
        }
        for source in specs {
            // No microphone or no sound server should be one clear line before anything else starts.
            do {
                if source.hasPrefix("alsa:") {
                    try ALSASource(device: String(source.dropFirst(5))).check()
                } else if let pulse = AudioSources.open(source) as? PulseSource {
                    try pulse.check()
                } else if source != "-" && !FileManager.default.fileExists(atPath: source) {
                    throw CleanExit.failure("\(source): no such audio file (or use alsa:DEVICE for a microphone, monitor for the call)")
                }
            } catch let exit as CleanExit {
                throw exit
            } catch {
                throw CleanExit.failure(error.localizedDescription)
            }
        }
        let voices = try speakerWeights(settings: settings)
        let feedInputs = Self.feedInputs(specs, realtime: settings.realtime, speakers: voices.weights)
        let source = specs.joined(separator: " + ")
        let whisper: WhisperModel
        do {
            whisper = try WhisperModel.load(directory: settings.modelDirectory)
            // A language the model cannot do is one line before the meeting opens.
            if !TranscriptionOptions(language: settings.language).detectsLanguage {
                _ = try whisper.tokenizer.startSequence(language: settings.language, model: whisper.name)
            }
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
        prompt?.biasBonus = Float(settings.designBias)
        if prompt != nil, let problem = LiveTranscriber.promptUnavailable(model: whisper) {
            // On by default, so a model folder without tokenizer.json must not cost the meeting
            // its text: recognise without the prompt, and say so once.
            prompt = nil
            let line = "design prompt off: \(problem)"
            if noTUI || isatty(STDOUT_FILENO) != 1 { warn(line) }
            await meeting.report(notice: line)
        }
        if let problem = voices.off {
            let line = "speakers off: \(problem)"
            if noTUI || isatty(STDOUT_FILENO) != 1 { warn(line) }
            await meeting.report(notice: line)
        }
        var options = TranscriptionOptions()
        options.threads = settings.threads
        options.language = settings.language
        var transcriber = LiveTranscriber(model: whisper, options: options, vadThreshold: Float(settings.vadThreshold),
                                          prompt: prompt)
        let (detector, detectorNotice) = VoiceDetectorName.forMeeting(settings.vad)
        transcriber.voiceDetector = detector
        if let detectorNotice {
            if noTUI || isatty(STDOUT_FILENO) != 1 { warn(detectorNotice) }
            await meeting.report(notice: detectorNotice)
        }
        let feed = AudioFeed(transcriber: transcriber, inputs: feedInputs, live: live)
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

    /// The voice encoder when speakers are to be told apart (--speakers, else speech.speakers),
    /// or why not: not installed is a notice when on by default, an error when asked for.
    func speakerWeights(settings: Settings) throws -> (weights: VoiceEncoderWeights?, off: String?) {
        guard speakers ?? settings.speakers else { return (nil, nil) }
        do {
            return (try VoiceEncoderWeights(directory: Paths.models() + "/resemblyzer"), nil)
        } catch {
            if speakers == true { throw CleanExit.failure(error.localizedDescription) }
            return (nil, error.localizedDescription)
        }
    }

    /// The sources to hear and who speaks on each. With a call side, the other inputs are the
    /// room ("You") and their echo of the first call input is gated. The call's voices, or a lone
    /// input's (a room microphone, a recording), are told apart with `speakers`, each input on its
    /// own; without it the call is "Call" and a lone input unnamed. The microphone beside a call
    /// stays "You": it is the person at this computer, and it mostly hears one voice.
    static func feedInputs(_ specs: [String], realtime: Bool, speakers: VoiceEncoderWeights?) -> [AudioFeed.Input] {
        let sources = specs.map { AudioSources.open($0, realtime: realtime) }
        func voices(_ source: any AudioSource, otherwise name: String?) -> AudioFeed.Input {
            guard let speakers else { return AudioFeed.Input(source: source, speaker: name) }
            return AudioFeed.Input(source: source, speaker: nil, speakers: SpeakerLabeller(weights: speakers))
        }
        guard let callIndex = specs.firstIndex(where: AudioSources.isCall) else {
            if specs.count > 1 { return sources.map { AudioFeed.Input(source: $0, speaker: "You") } }
            return sources.map { voices($0, otherwise: nil) }
        }
        let reference = EchoReference()
        return zip(specs, sources).enumerated().map { index, pair in
            let (spec, source) = pair
            if index == callIndex { return voices(CallSource(call: source, reference: reference), otherwise: "Call") }
            if AudioSources.isCall(spec) { return voices(source, otherwise: "Call") }
            return AudioFeed.Input(source: EchoGatedSource(microphone: source, reference: reference), speaker: "You")
        }
    }
}
