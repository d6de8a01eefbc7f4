import Foundation

/// Whisper's byte-level BPE vocabulary: token ids to text and back, plus the special
/// tokens the decoder is steered with. Token strings use GPT-2's byte-to-unicode
/// mapping (every byte is a printable character, a space is "Ġ").
public struct Tokenizer: Sendable {
    /// Token strings by id, from `vocabulary.txt`.
    let tokens: [String]
    let ids: [String: Int]
    /// Merge rank of each adjacent pair "a b" (lower merges first), from `tokenizer.json`,
    /// parsed on first use: only prompts need them, and parsing 2 MB of JSON was most of the
    /// model's load time.
    let merges: LazyMerges
    let byteOfCharacter: [Character: UInt8]
    let characterOfByte: [Character]

    public let endOfText: Int
    public let startOfTranscript: Int
    public let startOfPrevious: Int
    public let noSpeech: Int
    public let noTimestamps: Int
    public let timestampBegin: Int
    /// `<|en|>` and `<|transcribe|>` for multilingual models; nil for English-only ones.
    public let english: Int?
    public let transcribe: Int?
    let multilingual: Bool
    /// The language tokens (`<|en|>`, `<|zh|>`, ...) of a multilingual model, in the model's
    /// order, with their codes: what language detection chooses among. Empty for English-only.
    let languageTokens: [(code: String, id: Int)]

    init(vocabularyPath: String, tokenizerJSONPath: String?) throws {
        guard let data = FileManager.default.contents(atPath: vocabularyPath) else {
            throw WhisperError.modelMissing(path: vocabularyPath)
        }
        let tokens = Self.lines(data)
        self.tokens = tokens
        var ids: [String: Int] = [:]
        ids.reserveCapacity(tokens.count)
        // Backwards, so that the first of two equal strings keeps its id, at one hash each.
        for (i, t) in tokens.enumerated().reversed() { ids[t] = i }
        self.ids = ids
        func special(_ names: String...) throws -> Int {
            for name in names { if let id = ids[name] { return id } }
            throw WhisperError.modelCorrupt(path: vocabularyPath, reason: "vocabulary has no \(names[0]) token")
        }
        endOfText = try special("<|endoftext|>")
        startOfTranscript = try special("<|startoftranscript|>")
        startOfPrevious = try special("<|startofprev|>")
        noSpeech = try special("<|nospeech|>", "<|nocaptions|>")
        noTimestamps = try special("<|notimestamps|>")
        timestampBegin = try special("<|0.00|>")
        // English-only vocabularies (51864) still list language tokens but were never
        // trained with them; multilingual ones have 51865 or more (Whisper's own test).
        multilingual = tokens.count >= 51_865
        english = multilingual ? ids["<|en|>"] : nil
        transcribe = multilingual ? ids["<|transcribe|>"] : nil
        // They follow <|startoftranscript|> up to <|translate|>, whatever the vocabulary's size.
        var languageTokens: [(code: String, id: Int)] = []
        if multilingual {
            var id = startOfTranscript + 1
            while id < tokens.count, let code = Self.languageCode(of: tokens[id]) {
                languageTokens.append((code, id))
                id += 1
            }
        }
        self.languageTokens = languageTokens

        let table = Self.bytesToUnicode()
        characterOfByte = table
        var inverse: [Character: UInt8] = [:]
        for (b, c) in table.enumerated() { inverse[c] = UInt8(b) }
        byteOfCharacter = inverse
        merges = LazyMerges(path: tokenizerJSONPath)
    }

    /// The lines of a text file, split at "\n" (a "\r" before it dropped): what `enumerateLines`
    /// gives for a vocabulary, whose byte-level tokens never hold another line separator, at a
    /// tenth of the cost.
    static func lines(_ data: Data) -> [String] {
        var lines: [String] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
                var end = i
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if i < bytes.count || end > start {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = i + 1
            }
        }
        return lines
    }

    public var vocabularySize: Int { tokens.count }
    public var isMultilingual: Bool { multilingual }

    /// The language codes a multilingual model knows ("en", "zh", "de", ...), in the model's own
    /// order; only "en" for an English-only one.
    public var languages: [String] {
        multilingual ? languageTokens.map(\.code) : ["en"]
    }

    /// The tokens that start every window: `<|startoftranscript|>`, then for multilingual
    /// models the language's token and `<|transcribe|>`. A code the model does not know, or
    /// anything but English for an English-only model, is an error rather than a silent guess.
    public func startSequence(language: String = "en", model name: String = "this model") throws -> [Int] {
        let code = language.lowercased()
        guard multilingual, let transcribe else {
            guard code == "en" else { throw WhisperError.englishOnly(model: name, language: language) }
            return [startOfTranscript]
        }
        guard languages.contains(code), let token = ids["<|\(code)|>"] else {
            throw WhisperError.unknownLanguage(code: language, model: name, known: languages)
        }
        return [startOfTranscript, token, transcribe]
    }

    /// "de" for `<|de|>`; nil for any other token (`<|translate|>` is not a language).
    static func languageCode(of token: String) -> String? {
        guard token.hasPrefix("<|"), token.hasSuffix("|>") else { return nil }
        let inner = token.dropFirst(2).dropLast(2)
        guard (2...3).contains(inner.count), inner.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        return String(inner)
    }

    /// The text of text tokens; special and timestamp tokens are dropped.
    public func decode(_ ids: [Int]) -> String {
        var bytes: [UInt8] = []
        for id in ids where id >= 0 && id < endOfText && id < tokens.count {
            for ch in tokens[id] {
                if let b = byteOfCharacter[ch] { bytes.append(b) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// GPT-2's reversible map from bytes to printable characters: printable Latin-1
    /// bytes stand for themselves, the others are shifted to U+0100 and above.
    static func bytesToUnicode() -> [Character] {
        var printable = Set<Int>()
        for r in [33...126, 161...172, 174...255] { printable.formUnion(r) }
        var result: [Character] = []
        var next = 256
        for b in 0..<256 {
            if printable.contains(b) {
                result.append(Character(UnicodeScalar(UInt8(b))))
            } else {
                result.append(UnicodeScalar(UInt32(next)).map { Character($0) } ?? " ")
                next += 1
            }
        }
        return result
    }

    /// Merges from a Hugging Face `tokenizer.json`: `"a b"` strings or `["a", "b"]` pairs.
    static func loadMerges(path: String) -> [String: Int]? {
        guard let data = FileManager.default.contents(atPath: path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let model = root["model"] as? [String: Any],
              let merges = model["merges"] as? [Any] else { return nil }
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            if let s = merge as? String {
                ranks[s] = rank
            } else if let pair = merge as? [String], pair.count == 2 {
                ranks[pair[0] + " " + pair[1]] = rank
            }
        }
        return ranks
    }
}
