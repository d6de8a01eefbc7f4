/// Tolerance for speech-recognition errors: edit distance and a consonant key.
///
/// Recognisers rarely get vowels of unfamiliar words right ("storip" for "stripe") but keep
/// most consonants, so two spellings whose consonant keys agree probably sound alike.
enum SoundAlike {
    /// Consonant skeleton: vowels, h, w, y dropped; similar sounds folded; doubles collapsed.
    static func key(_ word: String) -> String {
        // Bytes, not Characters: this runs for every word against every long lexicon name.
        let chars = word.utf8.compactMap { b -> UInt8? in
            let lower = (b >= 65 && b <= 90) ? b + 32 : b
            return (lower >= 97 && lower <= 122) ? lower : nil
        }
        var out: [UInt8] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: UInt8? = i + 1 < chars.count ? chars[i + 1] : nil
            var mapped: UInt8?
            switch Unicode.Scalar(c) {
            case "a", "e", "i", "o", "u", "h", "w", "y": mapped = nil
            case "c": mapped = (next == UInt8(ascii: "e") || next == UInt8(ascii: "i")) ? UInt8(ascii: "s") : UInt8(ascii: "k")
            case "q", "g", "j": mapped = UInt8(ascii: "k")
            case "z", "x": mapped = UInt8(ascii: "s")
            case "v": mapped = UInt8(ascii: "f")
            case "d": mapped = UInt8(ascii: "t")
            case "b": mapped = UInt8(ascii: "p")
            case "p" where next == UInt8(ascii: "h"):
                mapped = UInt8(ascii: "f")
                i += 1
            default: mapped = c
            }
            if let m = mapped, out.last != m { out.append(m) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Whether `heard` is a plausible mis-hearing of the lexicon word `target` (spaces removed).
    /// Short words must match exactly: "card"/"cart" or "modal"/"model" are too risky to guess.
    static func nearMiss(_ heard: String, _ target: String) -> Bool {
        nearMiss(heard, heardKey: nil, target, targetKey: nil)
    }

    /// The same, with keys computed once by the caller.
    static func nearMiss(_ heard: String, heardKey: String?, _ target: String, targetKey: String?) -> Bool {
        guard heard != target, target.utf8.count >= 6, heard.first == target.first,
              abs(heard.utf8.count - target.utf8.count) <= 2 else { return false }
        let d = distance(heard, target, limit: 2)
        if d <= 1 { return true }
        if d == 2, target.utf8.count >= 8 { return true }
        let tk = targetKey ?? key(target)
        return tk.utf8.count >= 4 && (heardKey ?? key(heard)) == tk
    }
}
