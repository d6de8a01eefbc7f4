/// Tolerance for speech-recognition errors: edit distance and a consonant key.
///
/// Recognisers rarely get vowels of unfamiliar words right ("storip" for "stripe") but keep
/// most consonants, so two spellings whose consonant keys agree probably sound alike.
enum SoundAlike {
    /// Consonant skeleton: vowels, h, w, y dropped; similar sounds folded; doubles collapsed.
    static func key(_ word: String) -> String {
        let chars = Array(word.lowercased().filter { $0.isLetter })
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            var mapped: Character?
            switch c {
            case "a", "e", "i", "o", "u", "h", "w", "y": mapped = nil
            case "c": mapped = (next == "e" || next == "i") ? "s" : "k"
            case "q", "g": mapped = "k"
            case "z": mapped = "s"
            case "v": mapped = "f"
            case "d": mapped = "t"
            case "b": mapped = "p"
            case "p" where next == "h": mapped = "f"; i += 1
            case "x": mapped = "s"
            case "j": mapped = "k"
            default: mapped = c
            }
            if let m = mapped, out.last != m { out.append(m) }
            i += 1
        }
        return String(out)
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
        guard heard != target, target.count >= 6, heard.first == target.first else { return false }
        let d = distance(heard, target, limit: 2)
        if d <= 1 { return true }
        if d == 2, target.count >= 8 { return true }
        let hk = key(heard), tk = key(target)
        return tk.count >= 4 && hk == tk
    }
}
