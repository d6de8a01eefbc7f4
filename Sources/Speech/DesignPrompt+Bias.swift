import Core
import Whisper

/// The design vocabulary as a decoder bias (`WordBias`): what the prompt asks of Whisper from the
/// outside, the bias asks at each token, for the words a close call would otherwise lose.
extension DesignPrompt {
    /// Natural-log bonus per token of a design word, chosen on the spoken dev sets and on real
    /// talk (see README, Figures): large enough to win close calls, too small to invent words.
    public static let defaultBiasBonus: Float = 3

    /// The words biased: the component kinds and the corrector's design words, with their plurals
    /// (else "avatars" would lose to a favoured "avatar"), in lower case only: a capitalised form
    /// starts with ordinary words' tokens ("Badge" is "ĠBad" "ge") and, favoured mid-sentence,
    /// turned "a star rating badge on each product card" into "a starting in Bad".
    static func biasVocabulary(designWords: String) -> [String] {
        // A word the corrector puts back only before another ("pill > shaped") sounds like an
        // ordinary word alone: biased everywhere, it would be heard where that word was said.
        let words = ComponentKind.allCases.map(\.rawValue)
            + DesignWordCorrector.entries(designWords).filter { $0.before == nil }.map(\.word)
        return words + words.filter { !$0.hasSuffix("s") && !$0.contains(" ") }.map { $0 + "s" }
    }

    /// The bias for a model's tokenizer, or nil when it cannot encode, or the bonus is off (0).
    /// Brands are favoured only where one is cited ("like Stripe"): many are ordinary words too.
    public func bias(tokenizer: Tokenizer) -> WordBias? {
        WordBias(words: biasWords, cited: brandNames, citing: citingWords, tokenizer: tokenizer, bonus: biasBonus)
    }
}
