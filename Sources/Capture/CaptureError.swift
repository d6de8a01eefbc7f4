import Foundation

/// Audio that could not be captured or decoded. Every case names the file or device, so the
/// one line a user sees says what to fix.
public enum CaptureError: Error, LocalizedError, Equatable {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file has no bytes at all.
    case emptyFile(path: String)
    /// The header parsed but there is not one whole sample frame in it.
    case noAudio(path: String)
    /// The bytes are not a format MockPilot decodes (detected by magic bytes, not the extension).
    case unsupportedFormat(path: String, detected: String)
    /// A WAV or Ogg container holding a codec MockPilot does not decode.
    case unsupportedCodec(path: String, codec: String)
    /// The container is damaged: a header field or page that cannot be right.
    case malformed(path: String, detail: String)
    /// libopus refused a packet.
    case opusDecode(path: String, detail: String)
    /// The ALSA device could not be opened or configured (no microphone, busy, bad name).
    case deviceUnavailable(device: String, reason: String)
    /// Reading from an open ALSA device failed and could not be recovered.
    case deviceRead(device: String, reason: String)
    /// The Silero VAD weights are missing or not the tensors the model needs.
    case badModel(path: String, reason: String)
    /// A catch-all kept for callers that only have a sentence.
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read audio file (\(reason))"
        case .emptyFile(let path):
            "\(path): the file is empty"
        case .noAudio(let path):
            "\(path): the file holds no audio samples"
        case .unsupportedFormat(let path, let detected):
            "\(path): \(detected) is not supported; use WAV, Ogg Opus, or raw 16 kHz s16le on stdin (-)"
        case .unsupportedCodec(let path, let codec):
            "\(path): unsupported codec \(codec); convert it to PCM WAV or Ogg Opus (e.g. sox in.x out.wav)"
        case .malformed(let path, let detail):
            "\(path): damaged audio file: \(detail)"
        case .opusDecode(let path, let detail):
            "\(path): Opus decoding failed: \(detail)"
        case .deviceUnavailable(let device, let reason):
            "audio device \(device): \(reason)"
        case .deviceRead(let device, let reason):
            "audio device \(device): capture failed: \(reason)"
        case .badModel(let path, let reason):
            "\(path): \(reason); run `make models` to install Silero VAD"
        case .invalid(let reason):
            reason
        }
    }
}
