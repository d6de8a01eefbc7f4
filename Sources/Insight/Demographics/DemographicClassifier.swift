import Foundation

/// A guess about who wrote a post, with the words that suggested it. Always inferred:
/// it describes the text, never a verified fact about a person.
public struct DemographicTag: Sendable, Hashable, Codable {
    public var tag: String
    public var inferred: Bool
    public var evidence: String

    public init(tag: String, evidence: String) {
        self.tag = tag
        self.inferred = true
        self.evidence = evidence
    }
}

/// Tags posts with who seems to be talking ("Designer", "Gen Z", ...) from self-identification
/// ("as a designer", "I'm 19"), domain phrases, generation slang and the community as a prior.
public struct DemographicClassifier: Sendable {
    /// The year ages are counted from, injected so tests do not drift with the calendar.
    public var referenceYear: Int

    public init(referenceYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        self.referenceYear = referenceYear
    }

    /// Tags for one post, at most one per tag, strongest evidence first
    /// (self-described, stated age, community, domain phrase, slang).
    public func classify(_ text: String, community: String? = nil) -> [DemographicTag] {
        let lower = " " + text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'") + " "
        var found: [DemographicTag] = []
        func add(_ tag: String, _ evidence: String) {
            if !found.contains(where: { $0.tag == tag }) { found.append(DemographicTag(tag: tag, evidence: evidence)) }
        }
        for (tag, evidence) in selfDescribed(lower) { add(tag, evidence) }
        if let (tag, evidence) = statedAge(lower) { add(tag, evidence) }
        if let community, let tag = DemographicRules.communities[community.lowercased()] { add(tag, community) }
        for (phrases, tag) in DemographicRules.keywords {
            if let hit = phrases.first(where: { Self.containsWord($0, in: lower) }) { add(tag, hit) }
        }
        for (phrases, tag) in DemographicRules.slang {
            if let hit = phrases.first(where: { Self.containsWord($0, in: lower) }) { add(tag, hit) }
        }
        // Quote the evidence as the writer typed it, not lower-cased.
        return found.map { tag in
            var tag = tag
            if let r = text.range(of: tag.evidence, options: [.caseInsensitive]) { tag.evidence = String(text[r]) }
            return tag
        }
    }

    /// "as a senior product designer" -> ("Designer", "as a senior product designer").
    private func selfDescribed(_ lower: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for intro in DemographicRules.selfIntroductions {
            var searchStart = lower.startIndex
            while let r = lower.range(of: intro, range: searchStart..<lower.endIndex) {
                searchStart = r.upperBound
                guard r.lowerBound == lower.startIndex || !Self.isWordCharacter(lower[lower.index(before: r.lowerBound)]) else { continue }
                var rest = lower[r.upperBound...]
                while true {
                    if let (tag, length) = Self.role(at: rest) {
                        let evidenceEnd = rest.index(rest.startIndex, offsetBy: length)
                        out.append((tag, String(lower[r.lowerBound..<evidenceEnd]).trimmingCharacters(in: .whitespaces)))
                        break
                    }
                    // Skip "senior", "freelance", ... between the introduction and the role.
                    guard let word = rest.split(separator: " ", maxSplits: 1).first,
                          DemographicRules.roleModifiers.contains(String(word)) else { break }
                    rest = rest.dropFirst(word.count).drop(while: { $0 == " " })
                }
            }
        }
        return out
    }

    /// Roles sorted longest first, so "product designer" wins over "product".
    private static let rolesByLength: [(role: String, tag: String)] = DemographicRules.roles
        .flatMap { entry in entry.words.map { (role: $0, tag: entry.tag) } }
        .sorted { $0.role.count > $1.role.count }

    /// The role word that `text` starts with (plural allowed: "fellow designers"), and its length.
    private static func role(at text: Substring) -> (String, Int)? {
        for (role, tag) in rolesByLength where text.hasPrefix(role) {
            var length = role.count
            var after = text.dropFirst(length).first
            if after == "s" { length += 1; after = text.dropFirst(length).first }
            if after.map(isWordCharacter) != true { return (tag, length) }
        }
        return nil
    }

    private static let agePattern: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"(?:\bi'?m|\bi am)\s+(?:only\s+|just\s+)?(\d{2})(?:\s*(?:yo|y/o|years old|year old|yrs old))?(?![\d%.,]\d|\s*%|\s*(?:percent|minutes|mins|hours|days|weeks|months|screens|px|pages|tabs|times|seconds|bucks|dollars|k\b|x\b|in\b|deep|steps))|\b(\d{2})\s*(?:yo|y/o|years old)\b(?=.{0,20}\b(?:here|me|myself)\b)|\((\d{2})\s*[mf]\)|^\s*(\d{2})[mf]\b"#,
        options: [])

    /// "I'm 19" -> ("Gen Z", "I'm 19"): the generation of someone that age in `referenceYear`.
    private func statedAge(_ lower: String) -> (String, String)? {
        guard let regex = Self.agePattern else { return nil }
        let ns = lower as NSString
        for match in regex.matches(in: lower, range: NSRange(location: 0, length: ns.length)) {
            for group in 1..<match.numberOfRanges where match.range(at: group).location != NSNotFound {
                guard let age = Int(ns.substring(with: match.range(at: group))), (13...95).contains(age) else { continue }
                let evidence = ns.substring(with: match.range).trimmingCharacters(in: .whitespaces)
                return (Self.generation(birthYear: referenceYear - age), evidence)
            }
        }
        return nil
    }

    /// Pew Research's generation boundaries.
    static func generation(birthYear: Int) -> String {
        switch birthYear {
        case 1997...: "Gen Z"
        case 1981...1996: "Millennial"
        case 1965...1980: "Gen X"
        default: "Boomer"
        }
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// `phrase` occurs in `text` with no letter or digit right before or after it.
    static func containsWord(_ phrase: String, in text: String) -> Bool {
        var start = text.startIndex
        while let r = text.range(of: phrase, range: start..<text.endIndex) {
            let beforeOK = r.lowerBound == text.startIndex || !isWordCharacter(text[text.index(before: r.lowerBound)])
            let afterOK = r.upperBound == text.endIndex || !isWordCharacter(text[r.upperBound])
            if beforeOK && afterOK { return true }
            start = text.index(after: r.lowerBound)
        }
        return false
    }
}
