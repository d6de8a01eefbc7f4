import Foundation

/// A problem that stops a meeting from starting.
public enum PipelineError: Error, LocalizedError, Equatable {
    case themesNotFound
    case noInput(String)

    public var errorDescription: String? {
        switch self {
        case .themesNotFound:
            "cannot find the Themes folder with design_mapper.yaml (set ui.themes_dir in mockpilot.conf or MOCKPILOT_THEMES)"
        case .noInput(let reason): reason
        }
    }
}
