import Core
import Foundation

/// Turns words heard in a meeting into a PascalCase component name, from the ask's content words:
/// filler words (Core's `WordList.fillers`) never make a name, and a label that ends in a word
/// for what the thing is (Resources/type-nouns.txt) is the whole name ("Invite dialog" on a modal
/// is InviteDialog).
public enum ComponentNamer {
    /// The most label words kept in a name, so names stay readable.
    static let maxWords = 3
    static let fillers = WordList.fillers
    static let typeNouns = WordList.read(PackageResources.type_nouns_txt)

    /// "pay" + button -> "PayButton"; no usable label -> the kind's type name ("PricingTable").
    /// Always a valid identifier, whatever the label holds.
    public static func name(label: String?, kind: ComponentKind) -> JSIdentifier {
        let typeName = kind.typeName
        let kindWords = Set([kind.rawValue.lowercased()] + words(of: typeName).map { $0.lowercased() })
        var parts: [String] = []
        let said = words(of: label ?? "").filter { !fillers.contains($0.lowercased()) }
        // "Invite dialog" on a modal names itself: its last word says what it is.
        if said.count >= 2, let last = said.last, typeNouns.contains(last.lowercased()) {
            let name = said.suffix(maxWords).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
            if let id = JSIdentifier(validating: name), let first = name.unicodeScalars.first, ("A"..."Z").contains(first) {
                return id
            }
        }
        for word in said {
            // "pay button" on a button is "PayButton", not "PayButtonButton".
            if kindWords.contains(word.lowercased()) { continue }
            parts.append(word.prefix(1).uppercased() + word.dropFirst().lowercased())
            if parts.count == maxWords { break }
        }
        // A name must not start with a digit: "3 tier" -> "TierPricingTable".
        while let first = parts.first, let c = first.unicodeScalars.first, ("0"..."9").contains(c) {
            let rest = String(first.drop { $0.isNumber })
            if rest.isEmpty { parts.removeFirst() } else { parts[0] = rest.prefix(1).uppercased() + rest.dropFirst(); break }
        }
        let candidate = parts.joined() + typeName
        return JSIdentifier(validating: candidate) ?? JSIdentifier(validating: typeName) ?? "Component"
    }

    /// Validates a name given in a spec; anything that is not PascalCase is rebuilt from its words.
    public static func name(given: String, kind: ComponentKind) -> JSIdentifier {
        if let id = JSIdentifier(validating: given), let first = given.unicodeScalars.first, ("A"..."Z").contains(first),
           !given.contains("$") {
            return id
        }
        let rebuilt = words(of: given).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if let id = JSIdentifier(validating: rebuilt), let first = rebuilt.unicodeScalars.first, ("A"..."Z").contains(first) {
            return id
        }
        return name(label: nil, kind: kind)
    }

    /// ASCII alphanumeric words, accents folded ("Café" -> "Cafe"); camelCase is split at capitals.
    static func words(of text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var result: [String] = []
        var current = ""
        var previous: Unicode.Scalar?
        for scalar in folded.unicodeScalars {
            let isUpper = ("A"..."Z").contains(scalar)
            let isLower = ("a"..."z").contains(scalar)
            let isDigit = ("0"..."9").contains(scalar)
            guard isUpper || isLower || isDigit else {
                if !current.isEmpty { result.append(current) }
                current = ""
                previous = nil
                continue
            }
            if isUpper, let p = previous, ("a"..."z").contains(p), !current.isEmpty {
                result.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
            previous = scalar
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
