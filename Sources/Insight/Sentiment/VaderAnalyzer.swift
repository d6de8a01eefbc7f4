/// VADER polarity of one text: `compound` in -1...1 and the pos/neu/neg proportions.
public struct SentimentScore: Sendable, Hashable, Codable {
    public var compound: Double
    public var pos: Double
    public var neu: Double
    public var neg: Double
}

/// A rule-based sentiment scorer that reproduces `vaderSentiment.SentimentIntensityAnalyzer`
/// (3.3.2) rule for rule, quirks included (the "but" rule rescales the first equal score,
/// emoji are matched one code point at a time, "kind of" only dampens through the idiom check),
/// so scores agree with the Python reference to four decimals.
public struct VaderAnalyzer: Sendable {
    public let lexicon: VaderLexicon

    public init(lexicon: VaderLexicon) { self.lexicon = lexicon }

    /// Loads the lexicons from `<models>/vader`.
    public init(modelsDirectory: String) throws {
        self.init(lexicon: try VaderLexicon(directory: VaderLexicon.defaultDirectory(models: modelsDirectory)))
    }

    public func score(_ input: String) -> SentimentScore {
        let text = VaderText.stripSpace(replacingEmojis(in: input))
        let words = VaderText.split(text).map(VaderText.stripPunctuationIfWord)
        let lower = words.map(VaderText.lower)
        let upper = words.map(VaderText.isUpper)
        let upperCount = upper.filter { $0 }.count
        // Caps only emphasise when some, but not all, words are shouted.
        let capDifferential = upperCount > 0 && upperCount < words.count
        let context = Context(words: words, lower: lower, upper: upper, capDifferential: capDifferential)

        var sentiments: [Double] = []
        sentiments.reserveCapacity(words.count)
        for i in words.indices {
            if VaderRules.boosters[lower[i]] != nil {
                sentiments.append(0)
                continue
            }
            if i < words.count - 1, lower[i] == "kind", lower[i + 1] == "of" {
                sentiments.append(0)
                continue
            }
            sentiments.append(valence(at: i, in: context))
        }
        butCheck(lower: lower, sentiments: &sentiments)
        return scoreValence(sentiments, text: text)
    }

    struct Context {
        let words: [String]
        let lower: [String]
        let upper: [Bool]
        let capDifferential: Bool
    }

    /// Replaces each emoji code point by its description, space-separated from what precedes it.
    private func replacingEmojis(in text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousSpace = true
        for s in text.unicodeScalars {
            if let description = lexicon.emojis[s] {
                if !previousSpace { out.append(" ") }
                out.append(contentsOf: description.unicodeScalars)
                previousSpace = false
            } else {
                out.append(s)
                previousSpace = s == " "
            }
        }
        return String(out)
    }

    /// `sentiment_valence`: the word's lexicon valence after negation, caps, boosters, idioms and "least".
    private func valence(at i: Int, in c: Context) -> Double {
        let item = c.lower[i]
        guard let base = lexicon.words[item] else { return 0 }
        var valence = base
        let n = c.words.count
        if item == "no", i != n - 1, lexicon.words[c.lower[i + 1]] != nil {
            // "no" right before a lexicon word negates it instead of scoring itself.
            valence = 0
        }
        if (i > 0 && c.lower[i - 1] == "no") || (i > 1 && c.lower[i - 2] == "no")
            || (i > 2 && c.lower[i - 3] == "no" && (c.lower[i - 1] == "or" || c.lower[i - 1] == "nor")) {
            valence = base * VaderRules.negationScalar
        }
        if c.upper[i] && c.capDifferential {
            valence += valence > 0 ? VaderRules.capsIncrease : -VaderRules.capsIncrease
        }
        for startI in 0..<3 where i > startI && lexicon.words[c.lower[i - (startI + 1)]] == nil {
            var s = scalarIncDec(at: i - (startI + 1), valence: valence, in: c)
            if startI == 1 && s != 0 { s *= 0.95 }
            if startI == 2 && s != 0 { s *= 0.9 }
            valence += s
            valence = negationCheck(valence, lower: c.lower, startI: startI, i: i)
            if startI == 2 { valence = specialIdiomsCheck(valence, lower: c.lower, i: i) }
        }
        return leastCheck(valence, lower: c.lower, i: i)
    }

    /// `scalar_inc_dec`: how much a preceding booster word shifts the valence.
    private func scalarIncDec(at j: Int, valence: Double, in c: Context) -> Double {
        guard var scalar = VaderRules.boosters[c.lower[j]] else { return 0 }
        if valence < 0 { scalar *= -1 }
        if c.upper[j] && c.capDifferential {
            scalar += valence > 0 ? VaderRules.capsIncrease : -VaderRules.capsIncrease
        }
        return scalar
    }

    private func negationCheck(_ valence: Double, lower w: [String], startI: Int, i: Int) -> Double {
        switch startI {
        case 0:
            return VaderRules.isNegated(w[i - 1]) ? valence * VaderRules.negationScalar : valence
        case 1:
            if w[i - 2] == "never" && (w[i - 1] == "so" || w[i - 1] == "this") { return valence * 1.25 }
            if w[i - 2] == "without" && w[i - 1] == "doubt" { return valence }
            return VaderRules.isNegated(w[i - 2]) ? valence * VaderRules.negationScalar : valence
        default:
            // The reference's precedence: (never AND (so OR this)) OR (so OR this right before).
            if (w[i - 3] == "never" && (w[i - 2] == "so" || w[i - 2] == "this")) || (w[i - 1] == "so" || w[i - 1] == "this") {
                return valence * 1.25
            }
            if w[i - 3] == "without" && (w[i - 2] == "doubt" || w[i - 1] == "doubt") { return valence }
            return VaderRules.isNegated(w[i - 3]) ? valence * VaderRules.negationScalar : valence
        }
    }

    private func specialIdiomsCheck(_ valence: Double, lower w: [String], i: Int) -> Double {
        var valence = valence
        let oneZero = "\(w[i - 1]) \(w[i])"
        let twoOneZero = "\(w[i - 2]) \(w[i - 1]) \(w[i])"
        let twoOne = "\(w[i - 2]) \(w[i - 1])"
        let threeTwoOne = "\(w[i - 3]) \(w[i - 2]) \(w[i - 1])"
        let threeTwo = "\(w[i - 3]) \(w[i - 2])"
        for seq in [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo] {
            if let v = VaderRules.specialCases[seq] { valence = v; break }
        }
        if w.count - 1 > i, let v = VaderRules.specialCases["\(w[i]) \(w[i + 1])"] { valence = v }
        if w.count - 1 > i + 1, let v = VaderRules.specialCases["\(w[i]) \(w[i + 1]) \(w[i + 2])"] { valence = v }
        for gram in [threeTwoOne, threeTwo, twoOne] {
            if let b = VaderRules.boosters[gram] { valence += b }
        }
        return valence
    }

    private func leastCheck(_ valence: Double, lower w: [String], i: Int) -> Double {
        if i > 1, lexicon.words[w[i - 1]] == nil, w[i - 1] == "least" {
            if w[i - 2] != "at" && w[i - 2] != "very" { return valence * VaderRules.negationScalar }
        } else if i > 0, lexicon.words[w[i - 1]] == nil, w[i - 1] == "least" {
            return valence * VaderRules.negationScalar
        }
        return valence
    }

    /// `_but_check`, including its quirk: each score is looked up by value with `list.index`,
    /// so when two words share a score the first one is rescaled (possibly twice).
    private func butCheck(lower: [String], sentiments: inout [Double]) {
        guard let bi = lower.firstIndex(of: "but") else { return }
        for k in sentiments.indices {
            let sentiment = sentiments[k]
            guard let si = sentiments.firstIndex(of: sentiment) else { continue }
            if si < bi {
                sentiments[si] = sentiment * 0.5
            } else if si > bi {
                sentiments[si] = sentiment * 1.5
            }
        }
    }

    private func scoreValence(_ sentiments: [Double], text: String) -> SentimentScore {
        guard !sentiments.isEmpty else { return SentimentScore(compound: 0, pos: 0, neu: 0, neg: 0) }
        let emphasis = punctuationEmphasis(text)
        var sum = sentiments.reduce(0, +)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let compound = VaderRules.normalize(sum)
        var posSum = 0.0, negSum = 0.0, neutral = 0.0
        for s in sentiments {
            // +1/-1 compensate for neutral words being counted as 1.
            if s > 0 { posSum += s + 1 }
            if s < 0 { negSum += s - 1 }
            if s == 0 { neutral += 1 }
        }
        if posSum > abs(negSum) { posSum += emphasis } else if posSum < abs(negSum) { negSum -= emphasis }
        let total = posSum + abs(negSum) + neutral
        return SentimentScore(
            compound: Self.round(compound, 4),
            pos: Self.round(abs(posSum / total), 3),
            neu: Self.round(abs(neutral / total), 3),
            neg: Self.round(abs(negSum / total), 3))
    }

    private func punctuationEmphasis(_ text: String) -> Double {
        let exclamations = min(VaderText.count("!", in: text), 4)
        let questions = VaderText.count("?", in: text)
        var questionAmplifier = 0.0
        if questions > 1 { questionAmplifier = questions <= 3 ? Double(questions) * 0.18 : 0.96 }
        return Double(exclamations) * 0.292 + questionAmplifier
    }

    private static func round(_ x: Double, _ places: Int) -> Double {
        let scale = [1.0, 10, 100, 1000, 10000][places]
        return (x * scale).rounded(.toNearestOrEven) / scale
    }
}
