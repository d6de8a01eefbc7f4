import CNcursesw

/// How many terminal cells a character takes, from the C library's `wcwidth`,
/// and which of its scalars are safe to send so that terminals agree on that width.
enum TextWidth {
    /// `wcwidth` answers -1 for non-ASCII unless LC_CTYPE is UTF-8; set it once, before the first question.
    private static let localeReady: Bool = mp_setlocale_utf8() != 0

    /// A character as it will be drawn: the scalars to send and its width in cells (0: skip it).
    struct Glyph: Equatable {
        var text: String
        var width: Int
    }

    static func glyph(_ character: Character) -> Glyph {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return Glyph(text: "", width: 0) }
        let v = base.value
        if v >= 0x20 && v < 0x7f && scalars.count == 1 { return Glyph(text: String(character), width: 1) }
        if v < 0x20 || (v >= 0x7f && v < 0xa0) { return Glyph(text: " ", width: 1) }
        _ = localeReady
        let w = Int(mp_wcwidth(wchar_t(bitPattern: v)))
        if w < 0 { return Glyph(text: "?", width: 1) }
        if w == 0 { return Glyph(text: "", width: 0) }
        // Keep combining marks; drop what follows a zero-width joiner, skin tones and variation
        // selectors, because terminals disagree on how wide such sequences are.
        var text = String(base)
        var marks = 0
        for scalar in scalars.dropFirst() {
            let sv = scalar.value
            if sv == 0x200d { break }
            if sv == 0xfe0e || sv == 0xfe0f { continue }
            guard mp_wcwidth(wchar_t(bitPattern: sv)) == 0, marks < 3 else { break }
            text.unicodeScalars.append(scalar)
            marks += 1
        }
        return Glyph(text: text, width: min(w, 2))
    }

    /// The width of a string in cells.
    static func width(_ string: String) -> Int {
        var total = 0
        for c in string { total += glyph(c).width }
        return total
    }

    /// The longest prefix that fits in `width` cells, with "…" when something was cut.
    static func truncate(_ string: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if Self.width(string) <= width { return string }
        var result = ""
        var used = 0
        for c in string {
            let w = glyph(c).width
            if used + w > width - 1 { break }
            result.append(c)
            used += w
        }
        return result + "…"
    }

    /// The longest suffix that fits, with a leading "…": paths keep their file name.
    static func truncateLeft(_ string: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if Self.width(string) <= width { return string }
        var kept: [Character] = []
        var used = 0
        for c in string.reversed() {
            let w = glyph(c).width
            if used + w > width - 1 { break }
            kept.append(c)
            used += w
        }
        return "…" + String(kept.reversed())
    }
}
