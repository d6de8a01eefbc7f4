import Core

/// A component named in an utterance.
struct ComponentMention: Sendable, Hashable {
    var kind: ComponentKind
    var hit: PhraseHit
    var weak: Bool
    /// Follows a spatial word ("above the form"): where something goes, not what is asked.
    var located: Bool
}

/// What one utterance says, before any decision: components, attributes and request frames.
struct Reading: Sendable {
    var words: [Word]
    var components: [ComponentMention] = []
    var styles: [String] = []
    var colors: [String] = []
    /// The create verb and the component it asks for ("mock up ... a login screen").
    var createCue: (verb: PhraseHit, object: ComponentMention)?
    /// A create verb with nothing after it yet: "let's build a" at the end of a line.
    var danglingCue = false
    /// "I want", "we need", "should be", "could the X have".
    var desire = false
    /// A clause that opens with an edit verb ("make it", "add a", "round the corners").
    var edit = false
    /// Refers back with a pronoun ("it", "that").
    var anaphora = false
    var designParts = 0
    var reportWords = 0
    /// An indefinite object ("a", "an", a bare plural after "need").
    var indefinite = false

    init(_ text: String) {
        words = Words.split(text)
        components = Self.findComponents(in: words)
        (styles, colors) = AttributeReader.read(words)
        readFrames()
    }

    /// The component the line is about: the object of a create verb, else the first one
    /// that is not a location, else the first.
    var mainComponent: ComponentMention? {
        if let cue = createCue { return cue.object }
        if let had = objectOfHave() { return had }
        return components.first { !$0.located } ?? components.first
    }

    var hasDesignContent: Bool {
        !styles.isEmpty || !colors.isEmpty || components.contains { !$0.weak } || designParts > 0
    }

    /// "a"/"an" within the three words before a mention: something new is asked for.
    func hasArticle(before mention: ComponentMention) -> Bool {
        words[max(0, mention.hit.start - 3)..<mention.hit.start].contains { ["a", "an"].contains($0.text) }
    }

    // MARK: components

    /// Nouns that turn a component word into a modifier: "search results", "button team".
    private static let modifierFollowers: Set<String> = [
        "results", "result", "engine", "query", "queries", "term", "terms", "history", "team", "data", "logic",
        "conversion", "file", "files", "bug", "bugs", "ranking", "index", "api", "traffic", "rate", "volume", "flow",
        "details", "detail", "number", "numbers", "reader", "readers", "report", "reports", "image", "images", "holder",
        "payment", "payments", "issue", "issues", "ticket", "tickets", "owner", "count", "counts", "review", "meeting",
        "test", "tests", "metrics", "game", "budget", "provider", "vendor", "copy",
    ]

    private static let componentIndex = PhraseIndex<Lexicon.ComponentName>(
        Lexicon.components.map { (words: $0.words, value: $0, fuzzy: !$0.misheard) })

    static func findComponents(in words: [Word]) -> [ComponentMention] {
        var found: [ComponentMention] = []
        for match in componentIndex.find(in: words) {
            let name = match.entry.value
            var hit = match.hit
            if name.misheard { hit.fuzzy = true }
            if hit.end < words.count, modifierFollowers.contains(words[hit.end].text) { continue }
            found.append(ComponentMention(kind: name.kind, hit: hit, weak: name.weak, located: isLocated(hit.start, in: words)))
        }
        // Longer and exact names win where they overlap ("search bar" over "search", "login form" over "form").
        found.sort { a, b in
            if a.hit.fuzzy != b.hit.fuzzy { return !a.hit.fuzzy }
            if a.hit.length != b.hit.length { return a.hit.length > b.hit.length }
            return a.hit.start < b.hit.start
        }
        var kept: [ComponentMention] = []
        for m in found where !kept.contains(where: { $0.hit.start < m.hit.end && m.hit.start < $0.hit.end }) {
            kept.append(m)
        }
        return kept.sorted { $0.hit.start < $1.hit.start }
    }

    private static func isLocated(_ start: Int, in words: [Word]) -> Bool {
        var j = start - 1
        var skipped = 0
        while j >= 0, skipped < 4, words[j].clause == words[start].clause {
            let w = words[j].text
            if Lexicon.locators.contains(w) { return true }
            if ["the", "a", "an", "each", "every", "our", "my", "your", "this", "that"].contains(w) || words[j].possessive {
                j -= 1
                skipped += 1
                continue
            }
            // One modifier word ("the pricing cards", "the bottom corner").
            if skipped < 2 { j -= 1; skipped += 1; continue }
            return false
        }
        return false
    }

    /// "the login screen have a continue-with-GitHub button": what comes after "have a" is asked for.
    private func objectOfHave() -> ComponentMention? {
        for (i, w) in words.enumerated() where w.text == "have" || w.text == "has" {
            guard i + 1 < words.count, Lexicon.articles.contains(words[i + 1].text) else { continue }
            for m in components where m.hit.start > i + 1 && m.hit.start <= i + 6 {
                let between = words[(i + 1)..<m.hit.start]
                if between.contains(where: { $0.text == "and" || $0.clause != w.clause }) { break }
                return m
            }
        }
        return nil
    }

    // MARK: frames

    private mutating func readFrames() {
        reportWords = words.filter { Lexicon.reportWords.contains($0.text) }.count
        designParts = words.filter { Lexicon.designParts.contains($0.text) }.count
        findCreateCue()
        findDesire()
        findEdit()
    }

    private static let requestLeads: Set<String> = ["lets", "can", "could", "would", "please", "should", "want", "to", "go", "me"]
    private static let objectBlockers: Set<String> = [
        "on", "for", "at", "about", "to", "in", "from", "by", "into", "after", "before", "when", "that", "which", "who",
        "because", "so", "but", "if", "is", "are", "was", "were", "will", "sure", "out", "it", "them", "this",
        "consensus", "than", "then", "up",
    ]

    private mutating func findCreateCue() {
        for verb in Lexicon.createVerbs {
            for hit in PhraseMatcher.find(verb, in: words) + fuzzyVerbUp(verb) {
                let head = verb[0]
                let before = hit.start > 0 ? words[hit.start - 1].text : ""
                let before2 = hit.start > 1 ? words[hit.start - 2].text : ""
                let clauseStart = hit.start == 0 || words[hit.start - 1].clause != words[hit.start].clause
                    || Lexicon.fillers.contains(before)
                var next = hit.end
                switch head {
                case "make", "design":
                    // "let's make a card" / "make a card"; "make it bigger" is an edit.
                    let led = Self.requestLeads.contains(before) || (before == "us" && before2 == "let")
                    guard next < words.count else { continue }
                    let object = words[next].text
                    if !(led && ["a", "an", "the", "some", "me", "us"].contains(object))
                        && !(clauseStart && Lexicon.articles.contains(object)) { continue }
                case "get":
                    guard ["can", "could", "lets", "we", "i"].contains(before) || before2 == "can" || before2 == "could" else { continue }
                case "give":
                    guard next < words.count, ["me", "us"].contains(words[next].text) else { continue }
                    next += 1
                default:
                    break
                }
                if next < words.count, ["me", "us"].contains(words[next].text) { next += 1 }
                if let object = objectAfter(next, clause: words[hit.start].clause, verb: head) {
                    if createCue == nil || hit.start < createCue?.verb.start ?? 0 { createCue = (hit, object) }
                } else if next >= words.count - 1 || (next == words.count - 1 && Lexicon.articles.contains(words[next].text)) {
                    danglingCue = true
                }
            }
        }
    }

    /// Phrasal verbs with "up" that are words of their own, never a mis-heard "mock up"/"spin up".
    private static let otherUpVerbs: Set<String> = [
        "sign", "set", "pick", "back", "wrap", "line", "open", "hang", "step", "look", "show", "make", "keep", "pull",
        "mess", "sum", "sped", "speed", "stay", "shut", "sit", "stand", "sort", "send", "mix", "meet", "move", "man",
        "mop", "mount", "sync", "spit", "split", "slip", "stir", "stack",
    ]

    /// "mark up" for "mock up": a four-letter verb that keeps its first and last letter.
    private func fuzzyVerbUp(_ verb: [String]) -> [PhraseHit] {
        guard verb.count == 2, verb[1] == "up" else { return [] }
        var hits: [PhraseHit] = []
        for i in words.indices.dropLast() where words[i + 1].text == "up" && words[i].text != verb[0] {
            let w = words[i].text
            guard !Self.otherUpVerbs.contains(w), w.first == verb[0].first, (3...5).contains(w.count) else { continue }
            if SoundAlike.distance(w, verb[0], limit: 3) <= 3,
               SoundAlike.distance(SoundAlike.key(w), SoundAlike.key(verb[0]), limit: 1) <= 1 {
                hits.append(PhraseHit(start: i, length: 2, fuzzy: true))
            }
        }
        return hits
    }

    /// The component a create verb asks for: the first one after it, before a preposition or clause end.
    private func objectAfter(_ start: Int, clause: Int, verb: String) -> ComponentMention? {
        var i = start
        var steps = 0
        while i < words.count, steps < 9 {
            if words[i].clause != clause, steps > 0 { break }
            if var m = components.first(where: { $0.hit.start == i }) {
                // In "a card carousel" the last name is the thing asked for.
                if let head = components.first(where: { $0.hit.start == m.hit.end && !$0.weak }) { m = head }
                return m.weak && i + m.hit.length < words.count && words[i + m.hit.length].text == "image" ? nil : m
            }
            // Recognisers often hear "a" as "at" or "to" right after the verb.
            let misheardArticle = steps == 0 && ["at", "to"].contains(words[i].text)
            if Self.objectBlockers.contains(words[i].text), !misheardArticle { break }
            i += 1
            steps += 1
        }
        // Nothing named: try the same slot again for a name heard wrong.
        for j in start..<i {
            if let guess = soundAlikeObject(at: j, clause: clause, verb: verb) { return guess }
        }
        return nil
    }

    /// Verbs that only ever ask for a design ("mock up", "prototype"): after them a
    /// short sound-alike ("firm" for "form") is a safe guess; after "build" it is not ("a model").
    private static let designOnlyVerbs: Set<String> = ["mock", "mockup", "prototype", "proto", "spin", "sketch", "draft", "whip"]

    /// A component name heard wrong in the object slot of a create verb: "a cover sale of
    /// logos" (carousel), "a model with frosted glass" (modal), "a multi step firm" (form).
    private func soundAlikeObject(at i: Int, clause: Int, verb: String) -> ComponentMention? {
        guard verb != "get", verb != "give" else { return nil }
        var heard = ""
        for n in 1...2 where i + n <= words.count && words[i + n - 1].clause == clause {
            let w = words[i + n - 1].text
            if Self.objectBlockers.contains(w) || Lexicon.knownWords.contains(w) || Lexicon.articles.contains(w) { break }
            heard += w
            let key = SoundAlike.key(heard)
            for name in Lexicon.components where name.words.count == 1 && !name.weak {
                let target = name.words[0]
                let targetKey = SoundAlike.key(target)
                let close = (key == targetKey && SoundAlike.distance(heard, target, limit: 2) <= 2 && heard.first == target.first)
                    || (targetKey.count >= 4 && heard.count >= 6 && SoundAlike.distance(key, targetKey, limit: 1) <= 1)
                guard close else { continue }
                let short = heard.count <= 5
                let supported = !styles.isEmpty || !colors.isEmpty || designParts > 0 || Self.designOnlyVerbs.contains(verb)
                if short && !supported { continue }
                return ComponentMention(kind: name.kind, hit: PhraseHit(start: i, length: n, fuzzy: true), weak: false, located: false)
            }
        }
        return nil
    }

    private static let desirePhrases: [[String]] = [
        ["i", "want"], ["we", "want"], ["id", "love"], ["id", "like"], ["i", "would", "like"], ["i", "would", "love"],
        ["we", "need"], ["need"], ["needs"], ["should", "be"], ["should", "have"], ["should", "just", "be"],
        ["there", "should", "be"], ["we", "should", "have"], ["would", "be", "nice"], ["how", "about"],
        ["what", "about"], ["ideally"], ["im", "thinking"], ["should", "like", "have"], ["should", "look"],
        ["could", "use"], ["we", "could", "use"], ["i", "wish"], ["what", "if", "we", "had"], ["what", "if", "there", "was"],
        ["imagine"], ["imagining"], ["picture"], ["lets", "do"], ["lets", "have"], ["lets", "try"], ["lets", "add"],
        ["we", "could", "have"], ["it", "would", "be", "cool"], ["wouldnt", "it", "be"],
    ]

    private mutating func findDesire() {
        for phrase in Self.desirePhrases where !PhraseMatcher.find(phrase, in: words).isEmpty {
            desire = true
        }
        // "could the login screen have ...", "can the modal ...": a question about a component.
        for (i, w) in words.enumerated() where ["could", "can", "would"].contains(w.text) {
            if i + 2 < words.count, words[i + 1].text == "the", components.contains(where: { $0.hit.start >= i + 2 && $0.hit.start <= i + 3 }) {
                desire = true
            }
        }
        // "the hero should, like, have": a component subject followed by "should".
        for (i, w) in words.enumerated() where w.text == "should" {
            if components.contains(where: { $0.hit.end <= i && $0.hit.end >= i - 2 }) { desire = true }
        }
        for (i, w) in words.enumerated() where Lexicon.articles.contains(w.text) || ["need", "needs"].contains(w.text) {
            if components.contains(where: { $0.hit.start > i && $0.hit.start <= i + 5 }) { indefinite = true }
        }
    }

    private static let pronouns: Set<String> = ["it", "that", "them", "this", "those", "these", "its", "thats"]

    private mutating func findEdit() {
        for (i, w) in words.enumerated() where Lexicon.editVerbs.contains(w.text) {
            var j = i - 1
            while j >= 0, words[j].clause == w.clause, Lexicon.fillers.contains(words[j].text) { j -= 1 }
            let opensClause = j < 0 || words[j].clause != w.clause
            guard opensClause else { continue }
            if i + 1 < words.count, ["sure", "up", "certain", "sense", "time", "me"].contains(words[i + 1].text) { continue }
            edit = true
            if i + 1 < words.count, Self.pronouns.contains(words[i + 1].text) { anaphora = true }
        }
        // "can it have", "could it", "it should", "that needs".
        for (i, w) in words.enumerated() where Self.pronouns.contains(w.text) {
            let prev = i > 0 ? words[i - 1].text : ""
            let next = i + 1 < words.count ? words[i + 1].text : ""
            if ["can", "could", "should"].contains(prev) || ["should", "needs", "could"].contains(next) {
                anaphora = true
            }
        }
    }
}
