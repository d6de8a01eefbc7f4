import Foundation
import Core

/// The words that tell a change of what is on the table ("make it bigger") from a new thing the
/// lexicon has no name for ("an invite flow like Notion's"). Data, not code: Resources/.
public struct ReferenceWords: Sendable, Hashable {
    /// Words pointing at something already there: "it", "that", "the".
    public let referring: Set<String>
    /// Words bringing in something new: "a", "another".
    public let introducing: Set<String>
    /// Words just before an introducing word that make it bring in a property ("with a shadow").
    public let attributeBefore: Set<String>
    /// Words just after an introducing word that make it a degree ("a bit bigger").
    public let attributeAfter: Set<String>
    /// Parts of a look that make the phrase they end a property ("a light gray background").
    public let propertyNouns: Set<String>
    /// Introducing words that open a line's subject ("A you are here marker ..."), and the words
    /// that may come before them ("then", "maybe").
    public let opening: Set<String>, leads: Set<String>

    public init(referring: Set<String>, introducing: Set<String>, attributeBefore: Set<String> = [],
                attributeAfter: Set<String> = [], propertyNouns: Set<String> = [], opening: Set<String> = [],
                leads: Set<String> = []) {
        self.referring = referring
        self.introducing = introducing
        self.attributeBefore = attributeBefore
        self.attributeAfter = attributeAfter
        self.propertyNouns = propertyNouns
        self.opening = opening
        self.leads = leads
    }

    /// The lists built into MockPilot.
    public static let bundled: ReferenceWords = {
        let attributes = sections(PackageResources.attribute_words_txt)
        let newThing = String(decoding: PackageResources.new_thing_words_txt, as: UTF8.self)
        let (introducing, openingAndRest) = split(newThing, at: "[opening]")
        let (opening, leads) = split(openingAndRest, at: "[lead]")
        return ReferenceWords(referring: list(PackageResources.referring_words_txt),
                              introducing: words(lines: introducing),
                              attributeBefore: attributes.before, attributeAfter: attributes.after,
                              propertyNouns: attributes.property, opening: words(lines: opening),
                              leads: words(lines: leads))
    }()

    /// One word a line; blank lines and `#` comments skipped.
    static func list(_ bytes: [UInt8]) -> Set<String> {
        words(lines: String(decoding: bytes, as: UTF8.self))
    }

    /// A list in three sections, split at the lines "[after]" and "[property]".
    static func sections(_ bytes: [UInt8]) -> (before: Set<String>, after: Set<String>, property: Set<String>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let (head, property) = split(text, at: "[property]")
        let (before, after) = split(head, at: "[after]")
        return (words(lines: before), words(lines: after), words(lines: property))
    }

    /// The text before and after the line `marker` (all of it before, when there is none).
    private static func split(_ text: String, at marker: String) -> (String, String) {
        let parts = text.components(separatedBy: "\n\(marker)\n")
        return (parts[0], parts.dropFirst().joined(separator: "\n"))
    }

    private static func words(lines text: String) -> Set<String> {
        Set(WordList.lines(text))
    }

    /// The line's words, lower case; apostrophes kept ("it's").
    static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0 == "'" || $0 == "’") }.map { $0.replacingOccurrences(of: "’", with: "'") }
    }

    /// A line that introduces something and points at nothing there already, or whose subject
    /// is a new thing ("A you are here marker, at the top, pulsing"): there the
    /// referring words belong to the new thing's own description. An introducing word that
    /// brings in a property or a degree ("rounder, with a soft shadow", "a bit bigger", "done
    /// steps get a green tick") introduces nothing.
    public func introducesSomethingNew(_ text: String) -> Bool {
        let said = Self.words(of: text)
        if let first = said.firstIndex(where: { !leads.contains($0) }), opening.contains(said[first]),
           bringsInAThing(at: first, in: said) {
            return true
        }
        guard !said.contains(where: referring.contains) else { return false }
        return said.indices.contains { introducing.contains(said[$0]) && bringsInAThing(at: $0, in: said) }
    }

    /// Whether the introducing word at `i` brings in a thing, not a property or a degree.
    private func bringsInAThing(at i: Int, in said: [String]) -> Bool {
        !(i > 0 && attributeBefore.contains(said[i - 1]))
            && !(i + 1 < said.count && attributeAfter.contains(said[i + 1]))
            && !said[(i + 1)...].prefix(3).contains(where: propertyNouns.contains)
    }
}
