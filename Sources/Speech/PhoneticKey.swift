/// A rough sound of a word, for telling which written words a recogniser may have confused:
/// Metaphone-like, with vowels after the first letter dropped and voiced and unvoiced consonants
/// merged (b/p, d/t, g/k, v/f, z/s), because those are what Whisper trades on synthetic and noisy
/// speech ("bill" for "pill", "mark up" for "mock up").
struct PhoneticKey: Sendable, Hashable, CustomStringConvertible {
    /// One byte per sound class, so distances are cheap.
    let sounds: [UInt8]

    var description: String { String(decoding: sounds, as: UTF8.self) }

    /// The key of a word or of several words run together; only ASCII letters count.
    init(_ text: some StringProtocol) {
        let letters = Array(text.lowercased().utf8.filter { $0 >= 97 && $0 <= 122 })
        sounds = Self.encode(letters)
    }

    /// Levenshtein distance between two keys (keys are a few bytes long: two rows suffice).
    func distance(to other: PhoneticKey) -> Int {
        let a = sounds, b = other.sounds
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func isVowel(_ c: UInt8) -> Bool {
        c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121   // a e i o u y
    }

    private static func encode(_ w: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        func at(_ i: Int) -> UInt8 { i >= 0 && i < w.count ? w[i] : 0 }
        func put(_ s: Character) {
            guard let byte = s.asciiValue else { return }
            if out.last != byte { out.append(byte) }
        }
        var i = 0
        // Silent first letters: "knob", "write", "psst".
        if (at(0) == 107 || at(0) == 103) && at(1) == 110 { i = 1 }       // kn, gn
        if at(0) == 119 && at(1) == 114 { i = 1 }                          // wr
        if isVowel(at(0)) { put("A") }
        while i < w.count {
            let c = w[i], next = at(i + 1)
            defer { i += 1 }
            if isVowel(c) {
                // A vowel between two sounds keeps them apart ("proto type" vs "prop"), but which
                // vowel it was is what the recogniser gets wrong most, so they are all one.
                if !out.isEmpty, out.last != 65, out.last != 0x2E { out.append(0x2E) }   // "."
                continue
            }
            switch c {
            case 98, 112: put(next == 104 ? "F" : "P")                         // b, p, ph
                if next == 104 { i += 1 }
            case 99:                                                           // c
                if next == 104 { put("X"); i += 1 }
                else if next == 107 { put("K"); i += 1 }
                else if next == 101 || next == 105 || next == 121 { put("S") }
                else { put("K") }
            case 100, 116:                                                     // d, t
                if c == 116 && next == 104 { put("0"); i += 1 }
                else if c == 116 && next == 99 && at(i + 2) == 104 { put("X"); i += 2 }
                else if c == 100 && next == 103 { put("X"); i += 1 }              // "badge" sounds like "batch"
                else { put("T") }
            case 102, 118: put("F")                                            // f, v
            case 103:                                                          // g
                if next == 104 { i += 1 }                                      // "light", "tough": mostly silent
                else { put("K") }
            case 104: break                                                    // h after a vowel or alone
            case 106: put("X")                                                 // j
            case 107, 113: put("K")                                            // k, q
            case 108: put("L")
            case 109: put("M")
            case 110: put("N")
            case 114: put("R")
            case 115, 122:                                                     // s, z
                if next == 104 { put("X"); i += 1 } else { put("S") }
            case 119: if isVowel(next) { put("W") }                            // w before a vowel
            case 120: put("K"); put("S")
            default: break
            }
        }
        // Vowel marks only between sounds: drop a trailing one.
        while out.last == 0x2E { out.removeLast() }
        // Merge repeated sounds across a dropped vowel mark.
        return out
    }
}
