import Foundation

extension Meeting {
    /// What the meeting left behind, in one line for the terminal once the screen is gone:
    /// "2 components written (PayButton v2, Navbar v1) under OUT/src/components (session S)".
    public var leftBehind: String {
        let written = lineages.filter { $0.jsx != nil }
        let names = written.map { "\($0.spec?.name ?? $0.kind.typeName) v\($0.version)" }
        let s = written.count == 1 ? "" : "s"
        let list = names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")"
        return "\(written.count) component\(s) written\(list) under \(outputFolder)/src/components (session \(sessionID))"
    }
}
