extension StringProtocol {
    /// Without leading and trailing spaces and tabs (as `.whitespaces`), walking only the ends:
    /// Foundation's trimming copies the whole line through UTF-16, which a long line feels.
    var trimmingSpaces: String {
        let text = String(self)
        let scalars = text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
