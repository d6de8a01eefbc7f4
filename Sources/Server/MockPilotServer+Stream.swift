import Capture
import Core
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logs
import Pipeline
import Speech
import Whisper

/// `GET /stream`: a WebSocket whose connection is one meeting, heard as `run` hears a microphone.
/// The client's first text frame names the format (`{"format":"pcm16"}`: 16 kHz mono little-endian
/// PCM16; `{"format":"opus"}`: one raw Opus packet a frame, at any rate, mono or stereo), then
/// binary frames carry the audio and `{"type":"end"}` says it is all sent. Out go
/// text frames: `session` (the id `/events?session=` follows), `partial` and `final` transcripts
/// (`{"text","ts_start","ts_end"}`), `slow` while more than four segments wait for the recogniser,
/// and `finished` once the meeting has worked through everything it heard. A bad frame is a JSON
/// `error` frame and a close with the matching code; the meeting still finishes what it heard.
extension MockPilotServer {
    /// Refusals, each with the close code RFC 6455 gives its case.
    enum StreamRefusal: Error {
        case badFormat(String)
        case tooLarge(Int)
        case full(Int)
        case unavailable(String)

        /// 1003 unacceptable data, 1009 message too big, 1013 try again later, 1011 server error.
        var codeNumber: Int {
            switch self {
            case .badFormat: 1003
            case .tooLarge: 1009
            case .full: 1013
            case .unavailable: 1011
            }
        }


        var reason: String {
            switch self {
            case .badFormat(let why): why
            case .tooLarge(let limit): "an audio frame is larger than \(limit) bytes; send frames of 20-200 ms"
            case .full(let limit): "\(limit) streams are live already; try again later"
            case .unavailable(let why): why
            }
        }
    }

    /// Plain GETs (no upgrade) are told what the route is instead of a blank 200.
    func shouldUpgradeStream(_ request: Request) throws -> RouterShouldUpgrade {
        guard request.headers[.upgrade]?.lowercased() == "websocket" else {
            throw APIError.upgradeRequired("/stream is a WebSocket: connect with ws:// and send {\"format\":\"pcm16\"} first")
        }
        return .upgrade([:])
    }

    func stream(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async {
        // The library's own limit is set above ours, so an oversized frame reaches us and is
        // refused with a JSON reason rather than a bare close.
        var messages = inbound.messages(maxSize: configuration.maxFrameBytes * 4).makeAsyncIterator()
        let format: StreamFormat
        do {
            guard let first = try await messages.next() else { return }
            format = try Self.checkFormat(first)
        } catch let refusal as StreamRefusal {
            await Self.refuse(refusal, on: outbound)
            return
        } catch {
            return   // the client went away before saying anything
        }
        guard let setup = stages.meetings else {
            await Self.refuse(.unavailable("no Whisper model was loaded at start (run `make models`)"), on: outbound)
            return
        }
        guard await room.reserve() else {
            await Self.refuse(.full(configuration.maxStreams), on: outbound)
            return
        }
        let audio = StreamedAudio(description: "websocket")
        let opened: (meeting: Meeting, feed: AudioFeed)
        do {
            opened = try await Self.openMeeting(setup, audio: audio)
        } catch {
            await room.release()
            await Self.refuse(.unavailable("the meeting could not start: \(error.localizedDescription)"), on: outbound)
            return
        }
        let meeting = opened.meeting, session = meeting.sessionID
        let log = await room.opened(session: session, input: audio)
        metrics.streamsOpened.increment()
        let writer = StreamWriter(outbound: outbound)
        await writer.send(["type": "session", "session": session, "events": "/events?session=\(session)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.relay(meeting.events, to: log, and: writer, audio: audio) }
            // The meeting's work beside its stages (model calls, hooks, insights), stopped once
            // the meeting has finished.
            let service = MeetingService(meeting: meeting)
            group.addTask { await service.run() }
            group.addTask {
                do {
                    try await opened.feed.play(into: meeting)
                } catch {
                    await meeting.report(warning: error.localizedDescription)
                    await meeting.finish()
                }
                service.stop()
            }
            // The client's frames, until it says `end`, closes, or breaks a rule.
            do {
                let opus = format == .opus ? try OpusPacketDecoder() : nil
                frames: while let message = try await messages.next() {
                    switch message {
                    case .binary(let buffer):
                        guard buffer.readableBytes <= configuration.maxFrameBytes else {
                            throw StreamRefusal.tooLarge(configuration.maxFrameBytes)
                        }
                        if let opus {
                            audio.append(samples: try opus.decode(buffer.readableBytesView))
                        } else {
                            audio.append(pcm16: buffer.readableBytesView)
                        }
                    case .text(let text):
                        guard Self.isEnd(text) else {
                            throw StreamRefusal.badFormat("a text frame after the first must be {\"type\":\"end\"}")
                        }
                        break frames
                    }
                }
            } catch let refusal as StreamRefusal {
                await writer.refuse(refusal)
            } catch let packet as OpusPacketError {
                await writer.refuse(.badFormat(packet.description))
            } catch {
                // The connection failed (or the library refused a frame): the meeting still finishes.
            }
            audio.finish()
            await group.waitForAll()
        }
        // Only now is the seat free: the meeting's Whisper session has finished its last final.
        await room.closed(session: session)
        await writer.send(["type": "finished", "session": session])
        await writer.close(codeNumber: 1000)
    }

    /// The meeting's events: every one into its log for `/events` and into the log file (as
    /// `run` logs them), transcripts and `slow` to the client, latencies and outcomes into `/metrics`.
    func relay(_ events: AsyncStream<PipelineEvent>, to log: EventLog, and writer: StreamWriter, audio: StreamedAudio) async {
        var asked: [String: ContinuousClock.Instant] = [:]
        for await event in events {
            if let line = try? JSONLines.encode(event) { await log.append(line) }
            meetingLog.record(event)
            switch event {
            case .transcript(let utterance):
                if utterance.isFinal, let heard = audio.arrival(of: utterance.msg.tsEnd) {
                    metrics.endOfSpeechToFinal.record(duration: ContinuousClock.now - heard)
                }
                await writer.send(["type": utterance.isFinal ? "final" : "partial", "utterance_id": utterance.id,
                                   "text": utterance.msg.text, "ts_start": utterance.msg.tsStart, "ts_end": utterance.msg.tsEnd])
            case .slow(let queued):
                await writer.send(["type": "slow", "queued": queued])
            case .component(let written):
                metrics.componentsWritten.increment()
                await publish(written.event, name: written.name)
                ServerMetrics.record(seconds: written.triggerToFile, on: metrics.triggerToFile)
            case .componentFailed(_, _, let reason):
                if case .checkerRejected = reason { metrics.checkerRejections.increment() }
            case .model(let activity):
                switch activity.phase {
                case .asking:
                    asked[activity.specID] = asked[activity.specID] ?? ContinuousClock.now
                case .streaming:
                    break
                case .written, .keptTemplate, .superseded:
                    if let start = asked.removeValue(forKey: activity.specID), activity.phase != .superseded {
                        metrics.modelLatency.record(duration: ContinuousClock.now - start)
                    }
                    if activity.phase == .keptTemplate { metrics.countKeptTemplate(activity.failure) }
                }
            default:
                break
            }
        }
        await log.finish()
    }

    /// A meeting as `run` opens one on live audio: its own transcriber (its own Whisper session)
    /// on the shared weights, the design prompt when the model can take it.
    static func openMeeting(_ setup: MeetingStages, audio: StreamedAudio) async throws -> (Meeting, AudioFeed) {
        let settings = setup.settings
        let meetingSetup = MeetingSetup(settings: settings)
        let meeting = try await meetingSetup.open(source: "websocket", model: setup.whisper.name)
        var prompt = settings.designPrompt ? DesignPrompt(brands: try meetingSetup.brands()) : nil
        prompt?.biasBonus = Float(settings.designBias)
        if prompt != nil, let problem = LiveTranscriber.promptUnavailable(model: setup.whisper) {
            prompt = nil
            await meeting.report(notice: "design prompt off: \(problem)")
        }
        var options = TranscriptionOptions()
        options.threads = settings.threads
        let transcriber = LiveTranscriber(model: setup.whisper, options: options, vadThreshold: Float(settings.vadThreshold),
                                          prompt: prompt)
        return (meeting, AudioFeed(transcriber: transcriber, source: audio, live: true))
    }

    /// What the binary frames of a stream carry.
    enum StreamFormat: Equatable {
        /// Little-endian PCM16, mono, 16 kHz.
        case pcm16
        /// One raw Opus packet a frame.
        case opus
    }

    /// The first frame must be `{"format":"pcm16"}` (a `sample_rate`, if given, 16000) or
    /// `{"format":"opus"}` (the packets say their own rate and channels).
    static func checkFormat(_ message: WebSocketMessage) throws(StreamRefusal) -> StreamFormat {
        let usage = "send {\"format\":\"pcm16\"} (16 kHz mono little-endian) or {\"format\":\"opus\"} (one Opus packet a frame) as the first text frame"
        guard case .text(let text) = message, text.utf8.count <= 1024,
              let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let format = object["format"] as? String
        else { throw .badFormat(usage) }
        switch format.lowercased() {
        case "pcm16":
            if let rate = object["sample_rate"], (rate as? Int) != AudioFile.sampleRate {
                throw .badFormat("sample_rate must be \(AudioFile.sampleRate): resample before sending")
            }
            if let channels = object["channels"], (channels as? Int) != 1 {
                throw .badFormat("channels must be 1: mix down to mono before sending")
            }
            return .pcm16
        case "opus":
            return .opus
        default:
            throw .badFormat("unknown format '\(format.prefix(40))': \(usage)")
        }
    }

    static func isEnd(_ text: String) -> Bool {
        let object = (try? JSONSerialization.jsonObject(with: Data(text.prefix(1024).utf8))) as? [String: Any]
        return object?["type"] as? String == "end"
    }

    static func refuse(_ refusal: StreamRefusal, on outbound: WebSocketOutboundWriter) async {
        await StreamWriter(outbound: outbound).refuse(refusal)
    }
}

/// Writes a stream's text frames; once a write fails (the client has gone) the rest are skipped,
/// while the meeting goes on into its event log.
actor StreamWriter {
    private let outbound: WebSocketOutboundWriter
    private var open = true

    init(outbound: WebSocketOutboundWriter) {
        self.outbound = outbound
    }

    func send(_ object: [String: Any]) async {
        guard open else { return }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        do {
            try await outbound.write(.text(String(decoding: data, as: UTF8.self)))
        } catch {
            open = false
        }
    }

    func refuse(_ refusal: MockPilotServer.StreamRefusal) async {
        await send(["type": "error", "error": refusal.reason, "code": refusal.codeNumber])
        await close(codeNumber: refusal.codeNumber)
    }

    /// Closes with an RFC 6455 code (1000 normal).
    func close(codeNumber: Int) async {
        guard open else { return }
        open = false
        try? await outbound.close(.init(codeNumber: codeNumber), reason: nil)
    }
}
