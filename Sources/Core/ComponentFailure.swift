/// Why code did not become a component version, by kind, so a watcher can count failures by what
/// went wrong (`/metrics` counts checker rejections apart from model failures) without reading
/// the words; `description` is the text the user is shown.
public enum ComponentFailure: Sendable, Hashable, CustomStringConvertible {
    /// The JSX checker refused the code; its findings, as `Diagnostic.description` words them.
    case checkerRejected(findings: [String])
    /// The model gave no usable answer: an error, a timeout, or an answer that was not a component.
    case modelFailed(String)
    /// The generator or the folder failed (a bad token in the spec, an unwritable folder).
    case notWritten(String)

    public var description: String {
        switch self {
        case .checkerRejected(let findings): "failed the JSX check: " + findings.joined(separator: "; ")
        case .modelFailed(let why), .notWritten(let why): why
        }
    }

    /// One word for the kind, as `run --no-tui` and `/events` print it beside the reason.
    public var cause: String {
        switch self {
        case .checkerRejected: "checker"
        case .modelFailed: "model"
        case .notWritten: "output"
        }
    }
}
