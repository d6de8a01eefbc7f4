import Core
import Foundation

/// Every word list the intent rules and head read, from one data file
/// (`Resources/intent-words.json`), loaded once. The head is trained on features these lists
/// make, so `intent-head.json` records the file's hash and a head refuses lists it was not
/// trained with (`IntentHead.init(json:source:words:)`).
struct IntentWords: Sendable {
    struct Component: Decodable, Sendable {
        var kind: ComponentKind
        var names: [String]
        var weak: Bool?
        var misheard: Bool?
    }

    struct Style: Decodable, Sendable {
        var style: String
        var phrases: [String]
    }

    var components: [Component]
    var styles: [Style]
    var colors: [String: String]
    var createVerbs: [String]
    var misheardCreateVerbs: [String: [String]]
    var lists: [String: [String]]
    /// FNV-1a (64 bit) of the file's bytes, in hex: what `intent-head.json` records.
    var hash = ""

    enum CodingKeys: String, CodingKey {
        case components, styles, colors, lists
        case createVerbs = "create_verbs"
        case misheardCreateVerbs = "misheard_create_verbs"
    }

    /// The lists compiled into this build. They are checked by the Intent tests; a file that
    /// does not read is a build made from a broken checkout, which no run can recover from.
    static let bundled: IntentWords = {
        do {
            return try IntentWords(json: Data(PackageResources.intent_words_json), source: "intent-words.json (built in)")
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Reads a words file; `source` names it in errors.
    init(json data: Data, source: String) throws {
        do {
            self = try JSONDecoder().decode(IntentWords.self, from: data)
        } catch {
            throw IntentError.badWords(source: source, reason: "\(error)")
        }
        hash = Self.hash(of: data)
    }

    /// One named list as a set; an unknown name is a programmer error (every name used is tested).
    func set(_ name: String) -> Set<String> {
        guard let list = lists[name] else { preconditionFailure("intent-words.json has no list \"\(name)\"") }
        return Set(list)
    }

    /// One named list of phrases, each split into its words.
    func phrases(_ name: String) -> [[String]] {
        guard let list = lists[name] else { preconditionFailure("intent-words.json has no list \"\(name)\"") }
        return list.map { $0.split(separator: " ").map(String.init) }
    }

    static func hash(of data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return String(h, radix: 16)
    }
}

extension IntentWords {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        components = try c.decode([Component].self, forKey: .components)
        styles = try c.decode([Style].self, forKey: .styles)
        colors = try c.decode([String: String].self, forKey: .colors)
        createVerbs = try c.decode([String].self, forKey: .createVerbs)
        misheardCreateVerbs = try c.decode([String: [String]].self, forKey: .misheardCreateVerbs)
        lists = try c.decode([String: [String]].self, forKey: .lists)
    }
}

extension IntentWords: Decodable {}
