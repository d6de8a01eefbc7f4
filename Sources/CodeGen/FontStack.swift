import Foundation

/// A CSS font-family list that is safe to put in a Tailwind arbitrary value: family names of
/// letters, digits, spaces and hyphens only.
public struct FontStack: Sendable, Hashable {
    public let families: [String]

    public init?(_ raw: String) {
        let families = raw.split(separator: ",").compactMap { part -> String? in
            let name = part.trimmingCharacters(in: .whitespaces)
            let ok = !name.isEmpty && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == " " || $0 == "-"
            }
            // A CSS identifier may not start with a digit.
            guard ok, let first = name.first, !first.isNumber else { return nil }
            return name.split(separator: " ").joined(separator: " ")
        }
        guard !families.isEmpty else { return nil }
        self.families = families
    }

    public var text: String { families.joined(separator: ", ") }

    /// `font-[Sohne,Inter,sans-serif]`: Tailwind reads `_` as a space inside arbitrary values.
    public var cls: String {
        "font-[" + families.map { $0.replacingOccurrences(of: " ", with: "_") }.joined(separator: ",") + "]"
    }
}
