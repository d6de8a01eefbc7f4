import Core

/// Which kinds of component hold which others as parts (a list holds badges, a form inputs), so a
/// change naming a part that has no component of its own changes the holder on the table. Data,
/// not code: Resources/part-kinds.txt.
public struct KindParts: Sendable, Hashable {
    private let parts: [ComponentKind: Set<ComponentKind>]

    public init(_ parts: [ComponentKind: Set<ComponentKind>]) {
        self.parts = parts
    }

    /// The table built into MockPilot.
    public static let bundled = KindParts(parsing: String(decoding: PackageResources.part_kinds_txt, as: UTF8.self))

    /// Lines "holder: part part ..."; comments and blank lines skipped. Names that are no kind are
    /// left out here and caught by `unknownNames`, which the tests run on the bundled file.
    init(parsing text: String) {
        var parts: [ComponentKind: Set<ComponentKind>] = [:]
        for (holder, names) in Self.lines(text) {
            guard let holder = ComponentKind(rawValue: holder) else { continue }
            parts[holder, default: []].formUnion(names.compactMap(ComponentKind.init(rawValue:)))
        }
        self.init(parts)
    }

    /// Whether a component of kind `holder` may hold a `part`.
    public func holds(_ holder: ComponentKind, _ part: ComponentKind) -> Bool {
        parts[holder]?.contains(part) ?? false
    }

    /// Names in `text` that are no component kind: a typo in the data file would silently hold nothing.
    static func unknownNames(in text: String) -> [String] {
        lines(text).flatMap { [$0.holder] + $0.parts }.filter { ComponentKind(rawValue: $0) == nil }
    }

    private static func lines(_ text: String) -> [(holder: String, parts: [String])] {
        WordList.lines(text).map { line in
            guard let colon = line.firstIndex(of: ":") else { return (line, []) }
            let holder = line[..<colon].trimmingCharacters(in: .whitespaces)
            return (holder, line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
    }
}
