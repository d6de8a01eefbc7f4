import Foundation

/// What can go wrong telling speakers apart: the encoder's weights, or the audio given to it.
public enum SpeakerError: Error, LocalizedError, Equatable {
    case badModel(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .badModel(let path, let reason):
            "speaker model \(path): \(reason) (run `make models` to install Resemblyzer's encoder)"
        }
    }
}
