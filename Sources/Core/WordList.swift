import Foundation

/// Word lists kept as data files: one lower-case word a line, blank lines and `#` comments skipped.
public enum WordList {
    /// Words of talk that name nothing ("then", "maybe", "just"): never part of a component's label
    /// (Intent) or name (CodeGen), so both read this one list.
    public static let fillers = read(PackageResources.filler_words_txt)

    public static func read(_ bytes: [UInt8]) -> Set<String> {
        Set(lines(String(decoding: bytes, as: UTF8.self)).map { $0.filter { $0.isLetter || $0.isNumber } })
    }

    /// The lines of a data file, trimmed and in lower case, blank lines and `#` comments skipped:
    /// the one reading every word list and table under Resources/ starts from.
    public static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
