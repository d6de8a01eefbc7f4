/// The string-level rules of the reference `vaderSentiment.py`, done on Unicode scalars
/// because Python strings are sequences of code points: `str.split()`, `str.strip(string.punctuation)`,
/// `str.isupper()`, `str.lower()` and `len()` all count and compare code points, not graphemes.
enum VaderText {
    /// Python's `str.isspace()` set, which `str.split()` with no argument splits on.
    static func isPythonSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// `string.punctuation`: ASCII punctuation only.
    static func isASCIIPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// `text.split()`.
    static func split(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isPythonSpace(s) {
                if !current.isEmpty { out.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// `SentiText._strip_punc_if_word`: strip leading/trailing ASCII punctuation unless
    /// that leaves two code points or fewer (then it was probably an emoticon like ":)").
    static func stripPunctuationIfWord(_ token: String) -> String {
        let scalars = Array(token.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, isASCIIPunctuation(scalars[start]) { start += 1 }
        while end > start, isASCIIPunctuation(scalars[end - 1]) { end -= 1 }
        if end - start <= 2 { return token }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// `str.isupper()`: at least one cased code point, and none lower- or title-case.
    static func isUpper(_ word: String) -> Bool {
        var cased = false
        for s in word.unicodeScalars {
            let p = s.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { cased = true }
        }
        return cased
    }

    /// `str.lower()`.
    static func lower(_ word: String) -> String {
        // Fast path: almost every token is ASCII.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for s in word.unicodeScalars { out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) }
        return String(out)
    }

    /// `str.strip()` with no argument.
    static func stripSpace(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, isPythonSpace(scalars[start]) { start += 1 }
        while end > start, isPythonSpace(scalars[end - 1]) { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// `text.count(ch)` for a one-scalar `ch`.
    static func count(_ ch: Unicode.Scalar, in text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1 == ch ? 1 : 0) }
    }
}
