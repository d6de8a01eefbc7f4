/// Escaping for the three places text can appear in generated source. Words from speech are
/// untrusted: after escaping they can only ever be shown, never parsed as markup or code.
public enum JSXEscaper {
    /// JSX text: `{ } < >` would open expressions or tags and `&` an entity, so all five
    /// become HTML entities, which JSX decodes back to the same characters on screen.
    public static func text(_ raw: String) -> String { entities(raw, quote: false) }

    /// A double-quoted JSX attribute string. JSX has no backslash escapes there, only entities.
    public static func attribute(_ raw: String) -> String { entities(raw, quote: true) }

    /// `clean(raw)` with `& < > { }`, and `"` when `quote`, as HTML entities.
    private static func entities(_ raw: String, quote: Bool) -> String {
        var out = ""
        for ch in clean(raw) {
            switch ch {
            case "&": out += "&amp;"
            case "\"" where quote: out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "{": out += "&#123;"
            case "}": out += "&#125;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A double-quoted JavaScript string literal. `<` and `>` are escaped too, so the literal
    /// stays inert even if the file is later inlined into an HTML `<script>`.
    public static func jsString(_ raw: String) -> String {
        var out = "\""
        for scalar in visible(raw).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The literal part of a JS template literal: backslash, backtick and `${` escaped.
    public static func templateText(_ raw: String) -> String {
        visible(raw).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`")
            .replacingOccurrences(of: "${", with: "\\${")
    }

    /// The text with invisible characters dropped and line breaks turned into spaces, but its
    /// spacing kept: `{" "}` must stay a space.
    static func visible(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace {
                out += " "
                continue
            }
            if !isInvisible(scalar) { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// One line of visible text: control and format characters (including bidi overrides and
    /// zero-width characters) dropped, runs of whitespace collapsed, ends trimmed.
    public static func clean(_ raw: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(scalar) { continue }
            if pendingSpace { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Control and format characters (bidi overrides, zero-width ones), surrogates, private-use and
    /// unassigned code points, and line and paragraph separators: never shown as themselves.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
