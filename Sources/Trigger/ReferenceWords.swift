import Foundation

/// The words that tell a change of what is on the table ("make it bigger") from a new thing the
/// lexicon has no name for ("an invite flow like Notion's"). Data, not code: Resources/.
public struct ReferenceWords: Sendable, Hashable {
    /// Words pointing at something already there: "it", "that", "the".
    public let referring: Set<String>
    /// Words bringing in something new: "a", "another".
    public let introducing: Set<String>

    public init(referring: Set<String>, introducing: Set<String>) {
        self.referring = referring
        self.introducing = introducing
    }

    /// The lists built into MockPilot.
    public static let bundled = ReferenceWords(
        referring: list(PackageResources.referring_words_txt),
        introducing: list(PackageResources.new_thing_words_txt))

    /// One word a line; blank lines and `#` comments skipped.
    static func list(_ bytes: [UInt8]) -> Set<String> {
        Set(String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// The line's words, lower case; apostrophes kept ("it's").
    static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0 == "'" || $0 == "’") }.map { $0.replacingOccurrences(of: "’", with: "'") }
    }

    /// A line that introduces something and points at nothing there already.
    public func introducesSomethingNew(_ text: String) -> Bool {
        let said = Self.words(of: text)
        return said.contains(where: introducing.contains) && !said.contains(where: referring.contains)
    }
}
