import Brands
import Core

/// Whisper's previous-text prompt, used to bias recognition towards the words this product lives
/// on (brand names, component words, cue phrases) and towards the meeting's own recent words.
///
/// Whisper conditions on the prompt as if it were earlier transcript, so a short, natural
/// sentence works better than a bare word list, and the recent transcript goes last (nearest).
public struct DesignPrompt: Sendable {
    /// Whisper keeps at most 223 prompt tokens; a word is about 1.3 tokens.
    public static let maxWords = 150

    private let vocabulary: String
    /// What the prompt cannot make Whisper hear right, put back after it (finals only).
    public let corrector: DesignWordCorrector
    /// The words `bias(tokenizer:)` favours in the decoder.
    let biasWords: [String]
    /// Brands as written, favoured only right after one of `citingWords` ("like", "as").
    let brandNames: [String]
    let citingWords: [String]
    /// Its bonus per token (natural log); 0 turns the decoder bias off.
    public var biasBonus = Self.defaultBiasBonus

    public init(brands: BrandTable) {
        corrector = DesignWordCorrector(brands: brands)
        let names = brands.brands.map(\.name).joined(separator: ", ")
        biasWords = Self.biasVocabulary(designWords: String(decoding: PackageResources.design_words_txt, as: UTF8.self))
        brandNames = brands.brands.map(\.name)
        citingWords = WordList.read(PackageResources.brand_slot_words_txt).sorted()
        vocabulary = "Product design call. We mock up UI components like Stripe's: a pill button, navbar, "
            + "modal, card, hero, pricing table, sidebar, tooltip, carousel, dropdown, toggle, tabs, badge, avatar. "
            + "Let's build it, mock up a prototype, spin up a draft. Brands: \(names)."
    }

    /// The prompt for the next utterance, given the final text heard so far.
    public func prompt(recent: [String]) -> String {
        let recentWords = recent.joined(separator: " ").split(separator: " ")
        let vocabularyWords = vocabulary.split(separator: " ")
        let room = max(0, Self.maxWords - vocabularyWords.count)
        let tail = recentWords.suffix(room)
        return tail.isEmpty ? vocabulary : vocabulary + " " + tail.joined(separator: " ")
    }
}
