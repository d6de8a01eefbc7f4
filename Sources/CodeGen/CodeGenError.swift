import Core
import Foundation

/// Why a spec could not be turned into a component. Every case names what to fix.
public enum CodeGenError: Error, LocalizedError, Equatable {
    /// A theme token whose value is not a colour, radius, shadow or font MockPilot can use.
    case badToken(specID: String, key: String, value: String, expected: String)
    /// A line of `mockpilot generate` input that is not a DesignSpec.
    case badLine(file: String, line: Int, reason: String)
    /// A spec line naming a component kind MockPilot does not generate.
    case unknownComponent(file: String, line: Int, kind: String)

    public var errorDescription: String? {
        switch self {
        case .badToken(let specID, let key, let value, let expected):
            "spec \(specID): theme token \(key) = '\(value)' is not \(expected)"
        case .badLine(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .unknownComponent(let file, let line, let kind):
            "\(file):\(line): unknown component kind '\(kind)' (known: "
                + ComponentKind.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        }
    }
}
