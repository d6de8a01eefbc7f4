import Foundation
import TestSupport

/// A meeting split into a room and a call, as heard with speakers instead of headphones: the
/// first speaker is in the room, the others on the call. The call track goes into the `call`
/// sink (its monitor is `--input monitor`); the room track, with the call's echo in it, into the
/// `room` sink, whose remapped source is the microphone.
struct CallScene {
    struct Track {
        var wav: String
        var sink: String
    }

    /// How the microphone hears the speakers: 12 dB down, 40 ms late.
    static let echoGain: Float = 0.25
    static let echoDelay = 640

    var tracks: [Track]
    /// What was said in the room and on the call.
    var room: [String]
    var call: [String]

    init(tracks: [Track], room: [String], call: [String]) {
        self.tracks = tracks
        self.room = room
        self.call = call
    }

    /// From an eval meeting (`base`.wav, 16 kHz mono, and `base`.json with its lines), the lines
    /// that end within `seconds` (all if nil).
    init(meeting base: String, seconds: Double?, in dir: String) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as? [String: Any]
        let lines = (json?["lines"] as? [[String: Any]] ?? []).filter { line in
            seconds.map { (line["end"] as? Double ?? .infinity) <= $0 } ?? true
        }
        let samples = try Self.samples(wav: base + ".wav")
        let roomSpeaker = lines.first?["speaker"] as? String
        let length = min(samples.count, Int(((lines.last?["end"] as? Double) ?? 0) * 16000) + 16000)
        var roomTrack = [Float](repeating: 0, count: length + 16000), callTrack = roomTrack
        var room: [String] = [], call: [String] = []
        for line in lines {
            guard let start = line["start"] as? Double, let end = line["end"] as? Double, let text = line["text"] as? String else { continue }
            let span = max(0, Int(start * 16000) - 1600)..<min(length, Int(end * 16000) + 1600)
            let inRoom = line["speaker"] as? String == roomSpeaker
            for i in span { if inRoom { roomTrack[i] = samples[i] } else { callTrack[i] = samples[i] } }
            if inRoom { room.append(text) } else { call.append(text) }
        }
        var microphone = roomTrack
        for i in Self.echoDelay..<microphone.count { microphone[i] += Self.echoGain * callTrack[i - Self.echoDelay] }
        let micWAV = dir + "/room.wav", callWAV = dir + "/call.wav"
        try Self.write(microphone, to: micWAV)
        try Self.write(callTrack, to: callWAV)
        self.init(tracks: [Track(wav: micWAV, sink: "room"), Track(wav: callWAV, sink: "call")], room: room, call: call)
    }

    struct Score: CustomStringConvertible {
        /// Share of the room's words in the "You" finals, and of the call's in the call side's
        /// finals ("Speaker 1", "Speaker 2", ... with speakers told apart, else "Call").
        var roomRecall: Double
        var callRecall: Double
        /// "You" finals that are mostly the call's words: the echo transcribed a second time.
        var echoDuplicates: Int
        var description: String {
            String(format: "room %.2f, call %.2f, echo duplicates %d", roomRecall, callRecall, echoDuplicates)
        }
    }

    func score(_ finals: [CallAudioRunTests.Final]) -> Score {
        let you = finals.filter { $0.speaker == "You" }.flatMap { Self.words($0.text) }
        let them = finals.filter { Self.isCallSide($0.speaker) }.flatMap { Self.words($0.text) }
        let roomWords = room.flatMap(Self.words), callWords = call.flatMap(Self.words)
        let callOnly = Set(callWords).subtracting(roomWords)
        let duplicates = finals.filter { final in
            guard final.speaker == "You" else { return false }
            let words = Self.words(final.text)
            return words.count >= 2 && Double(words.filter(callOnly.contains).count) >= 0.5 * Double(words.count)
        }
        return Score(roomRecall: Self.recall(roomWords, in: you), callRecall: Self.recall(callWords, in: them),
                     echoDuplicates: duplicates.count)
    }

    /// A name the call side's finals carry.
    static func isCallSide(_ speaker: String?) -> Bool {
        speaker == "Call" || speaker?.hasPrefix("Speaker ") == true
    }

    /// Share of `expected` (counted with repeats) found in `heard`.
    static func recall(_ expected: [String], in heard: [String]) -> Double {
        guard !expected.isEmpty else { return 1 }
        var left = Dictionary(heard.map { ($0, 1) }, uniquingKeysWith: +)
        var found = 0
        for word in expected where (left[word] ?? 0) > 0 {
            left[word, default: 0] -= 1
            found += 1
        }
        return Double(found) / Double(expected.count)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "'", with: "")
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The samples of a 16-bit PCM WAV (its `data` chunk), in [-1, 1].
    static func samples(wav path: String) throws -> [Float] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            if id == "data" {
                let end = min(bytes.count, offset + 8 + size)
                return stride(from: offset + 8, to: end - 1, by: 2).map {
                    Float(Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8)) / 32768
                }
            }
            offset += 8 + size + size % 2
        }
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
    }

    static func write(_ samples: [Float], to path: String) throws {
        var data = Data(TestWAV.header(dataBytes: samples.count * 2, rate: 16000, channels: 1))
        for s in samples {
            let v = Int16(max(-32768, min(32767, (s * 32768).rounded())))
            data.append(UInt8(truncatingIfNeeded: v))
            data.append(UInt8(truncatingIfNeeded: v >> 8))
        }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
