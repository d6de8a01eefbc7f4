/// Contextual biasing in the decoder ("shallow fusion" with a word trie, as keyword boosting does
/// for Whisper and CTC models): a fixed bonus added to the log-probability of each token that
/// starts a listed word, or continues the one the tokens just emitted have begun, so that a
/// design word the acoustic model nearly chose ("badge" against "batch") wins the close call.
///
/// Words that are also ordinary ones when not cited (brands: "Notion", "Linear", "Google" for
/// "go, go") may be given as `cited`: those start only right after one of the `citing` words
/// ("like", "as"), where a brand is named as a look.
///
/// The trie is over token ids, each word with a leading space (as it appears mid-sentence) and
/// without (the first word of a window). Nothing is stored between steps: where the current word
/// began is read back from the tokens emitted so far, so a partial match that the decoder left
/// ("Ġbad" then "ly") simply has no continuation to boost, and its bonus is not counted in the
/// decode's score (`restore` takes it back before the log-probability is taken).
public struct WordBias: Sendable {
    /// One trie node: its children by token id, and whether a word ends here.
    struct Node: Sendable {
        var children: [Int: Int] = [:]
        var endsWord = false
    }

    /// nodes[0] is the root; its children are the words' first tokens.
    let nodes: [Node]
    /// First tokens that begin with a space: a new word can start with them anywhere.
    let spacedStarts: Set<Int>
    /// First tokens of cited words only (no free word starts so): raised only after `citing`.
    let citedStarts: Set<Int>
    /// The tokens of the citing words (each one token, with its space).
    let citing: Set<Int>
    /// The longest word, in tokens: how far back the current word's start is looked for.
    let depth: Int
    /// Natural-log bonus per token on a word's path.
    public let bonus: Float
    /// Tokens at or above this id (timestamps and specials) end a word.
    let timestampBegin: Int

    /// The trie of `words` as `tokenizer` writes them, or nil when it cannot encode (no
    /// tokenizer.json) or nothing is left to bias. Words are used as given: pass each casing wanted.
    /// A citing word that is more than one token is left out.
    public init?(words: [String], cited: [String] = [], citing: [String] = [], tokenizer: Tokenizer, bonus: Float) {
        guard tokenizer.canEncode, bonus.isFinite, bonus > 0 else { return nil }
        var sequences: [WordTokens] = []
        func add(_ words: [String], cited: Bool) {
            for word in Set(words.map { $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
                if let spaced = tokenizer.encode(" " + word), !spaced.isEmpty {
                    sequences.append(WordTokens(tokens: spaced, spaced: true, cited: cited))
                }
                if let bare = tokenizer.encode(word), !bare.isEmpty {
                    sequences.append(WordTokens(tokens: bare, spaced: false, cited: cited))
                }
            }
        }
        add(words, cited: false)
        add(cited, cited: true)
        let citingTokens = citing.compactMap { word in tokenizer.encode(" " + word).flatMap { $0.count == 1 ? $0[0] : nil } }
        self.init(sequences: sequences, citing: Set(citingTokens), bonus: bonus, timestampBegin: tokenizer.timestampBegin)
        if nodes[0].children.isEmpty { return nil }
    }

    /// One word's tokens: `spaced` when the first starts with a space, `cited` for a cited word.
    struct WordTokens {
        var tokens: [Int]
        var spaced: Bool
        var cited = false
    }

    /// The trie of token sequences.
    init(sequences: [WordTokens], citing: Set<Int> = [], bonus: Float, timestampBegin: Int) {
        var nodes = [Node()]
        var spacedStarts: Set<Int> = []
        var freeStarts: Set<Int> = [], citedStarts: Set<Int> = []
        var depth = 0
        for sequence in sequences where !sequence.tokens.isEmpty && sequence.tokens.allSatisfy({ $0 < timestampBegin }) {
            let tokens = sequence.tokens, spaced = sequence.spaced
            var at = 0
            for token in tokens {
                if let next = nodes[at].children[token] {
                    at = next
                } else {
                    nodes.append(Node())
                    nodes[at].children[token] = nodes.count - 1
                    at = nodes.count - 1
                }
            }
            nodes[at].endsWord = true
            if spaced { spacedStarts.insert(tokens[0]) }
            if sequence.cited { citedStarts.insert(tokens[0]) } else { freeStarts.insert(tokens[0]) }
            depth = max(depth, tokens.count)
        }
        self.nodes = nodes
        self.spacedStarts = spacedStarts
        self.citedStarts = citedStarts.subtracting(freeStarts)
        self.citing = citing
        self.depth = depth
        self.bonus = bonus
        self.timestampBegin = timestampBegin
    }

    /// The node the word being emitted has reached: the longest run at the end of `sampled` that
    /// starts a listed word (with a space, or right at a segment's start) and follows the trie.
    /// nil when the last tokens are no listed word's beginning.
    func partialMatch(after sampled: ArraySlice<Int>) -> Int? {
        let end = sampled.endIndex
        var found: Int?
        for length in stride(from: min(depth, sampled.count), through: 1, by: -1) {
            let start = end - length
            let first = sampled[start]
            let atSegmentStart = start == sampled.startIndex || sampled[start - 1] >= timestampBegin
            guard spacedStarts.contains(first) || atSegmentStart, mayStart(first, before: start, in: sampled) else { continue }
            var at = 0
            var followed = true
            for token in sampled[start..<end] {
                guard let next = nodes[at].children[token] else { followed = false; break }
                at = next
            }
            if followed { found = at; break }
        }
        return found
    }

    /// Adds the bonus to every allowed token that starts a listed word here or continues the one
    /// begun, and returns the tokens it raised, for `restore`. Forbidden tokens (-inf) stay so.
    func apply(_ logits: UnsafeMutablePointer<Float>, sampled: ArraySlice<Int>, raised: inout [Int]) {
        raised.removeAll(keepingCapacity: true)
        func raise(_ token: Int) {
            guard logits[token] > -.infinity else { return }
            logits[token] += bonus
            raised.append(token)
        }
        let node = partialMatch(after: sampled) ?? 0
        if node != 0 {
            for token in nodes[node].children.keys { raise(token) }
        }
        let atSegmentStart = sampled.last.map { $0 >= timestampBegin } ?? true
        for token in nodes[0].children.keys where node == 0 || nodes[node].children[token] == nil {
            if (atSegmentStart || spacedStarts.contains(token)) && mayStart(token, before: sampled.endIndex, in: sampled) {
                raise(token)
            }
        }
    }

    /// Whether a word may start with `token` at `index` of `sampled`: a cited word's only right
    /// after a citing word.
    func mayStart(_ token: Int, before index: Int, in sampled: ArraySlice<Int>) -> Bool {
        guard citedStarts.contains(token) else { return true }
        return index > sampled.startIndex && citing.contains(sampled[index - 1])
    }

    /// Takes back what `apply` added, so the log-probability reported is the model's own.
    func restore(_ logits: UnsafeMutablePointer<Float>, raised: [Int]) {
        for token in raised { logits[token] -= bonus }
    }
}
