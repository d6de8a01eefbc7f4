import ArgumentParser
import Capture
import Core

/// The voice detectors a user can name: `speech.vad` and `run --vad`, `transcribe --vad-detector`.
enum VoiceDetectorName: String, ExpressibleByArgument, CaseIterable {
    /// MockPilot's own band-energy detector: no model file.
    case energy
    /// Silero VAD v6, from the weights `make models` installs.
    case silero

    /// The detector, its weights loaded; a missing or broken Silero file throws.
    func load() throws -> VoiceDetector {
        switch self {
        case .energy: .energy
        case .silero: .silero(try SileroWeights(directory: Paths.models() + "/silero-vad"))
        }
    }

    /// `run`'s detector: a configured Silero without its weights must not cost the meeting its
    /// ears, so it falls back to the energy detector with one line saying why.
    static func forMeeting(_ name: String) -> (detector: VoiceDetector, notice: String?) {
        guard let chosen = VoiceDetectorName(rawValue: name) else {
            // Settings refuse any other name; kept total for a value set in code.
            return (.energy, "voice detector '\(name)' unknown: using energy")
        }
        do {
            return (try chosen.load(), nil)
        } catch {
            return (.energy, "voice detector \(name) unavailable, using energy: \(error.localizedDescription)")
        }
    }
}
