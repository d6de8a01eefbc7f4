/// The constant word lists of VADER, exactly as in `vaderSentiment.py` 3.3.
enum VaderRules {
    static let boosterIncrease = 0.293
    static let boosterDecrease = -0.293
    /// Added to a word written in ALL CAPS among words that are not.
    static let capsIncrease = 0.733
    /// Multiplies the valence of a negated word.
    static let negationScalar = -0.74

    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
            "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin",
            "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible",
            "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
            "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ]
        var table: [String: Double] = [:]
        for w in up { table[w] = boosterIncrease }
        for w in down { table[w] = boosterDecrease }
        return table
    }()

    /// Multi-word expressions whose valence replaces the word's own.
    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
        "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]

    /// `negated([word])`: a negation word, or any word containing "n't".
    static func isNegated(_ lowerWord: String) -> Bool {
        negations.contains(lowerWord) || lowerWord.contains("n't")
    }

    /// `normalize`: maps an unbounded sum onto -1..1.
    static func normalize(_ score: Double, alpha: Double = 15) -> Double {
        let n = score / (score * score + alpha).squareRoot()
        return min(1, max(-1, n))
    }
}
