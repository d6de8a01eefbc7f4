/// How repetitive a text is: its UTF-8 length over its DEFLATE-compressed length, the
/// measure Whisper uses to spot decoding loops (ratio > 2.4 triggers a retry).
///
/// Whisper calls zlib; Foundation on Linux has no compressor, so this computes the
/// size zlib's format would have with greedy LZ77 matching and the fixed Huffman code
/// (plus the 6 bytes of zlib header and checksum). On short texts that is what zlib
/// emits; on long ones it can be a little larger, so the ratio errs low, never high.
enum CompressionRatio {
    static func of(_ text: String) -> Double {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return 0 }
        return Double(bytes.count) / Double(deflateSize(bytes))
    }

    static func deflateSize(_ b: [UInt8]) -> Int {
        var bits = 3 + 7   // block header and end-of-block code
        var i = 0
        let n = b.count
        while i < n {
            var bestLength = 0, bestDistance = 0
            let windowStart = max(0, i - 32_768)
            if i + 3 <= n {
                var j = i - 1
                while j >= windowStart {
                    var length = 0
                    while length < 258, i + length < n, b[j + length] == b[i + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - j
                        if length == 258 { break }
                    }
                    j -= 1
                }
            }
            if bestLength >= 3 {
                bits += lengthBits(bestLength) + distanceBits(bestDistance)
                i += bestLength
            } else {
                bits += b[i] < 144 ? 8 : 9
                i += 1
            }
        }
        let fixed = (bits + 7) / 8
        let stored = n + 5 * ((n + 65_534) / 65_535)
        return min(fixed, stored) + 6
    }

    /// Fixed-Huffman code plus extra bits for a match length 3...258.
    static func lengthBits(_ length: Int) -> Int {
        switch length {
        case 3...10: 7
        case 11...18: 7 + 1
        case 19...34: 7 + 2
        case 35...66: 7 + 3
        case 67...114: 7 + 4
        case 115...130: 8 + 4
        case 131...257: 8 + 5
        default: 8
        }
    }

    /// Five-bit distance code plus its extra bits.
    static func distanceBits(_ distance: Int) -> Int {
        if distance <= 4 { return 5 }
        var extra = 0
        var d = distance - 1
        while d >= 4 { d >>= 1; extra += 1 }
        return 5 + extra
    }
}
