/// The request frames of a line: a create verb and its object, a wish, an edit.
extension Reading {
    /// Words after an edit verb that make an idiom, not an edit: "make sure", "make time".
    private static let idiomObjects = Lexicon.words.set("idiomObjects")
    /// What follows "make" when something is to be made: "let's make a card", "make us a form".
    private static let makeObjects = Lexicon.words.set("makeObjects")
    mutating func readFrames() {
        findCreateCue()
        findDesire()
        findEdit()
    }

    private static let adverbs = Lexicon.words.set("requestAdverbs")
    private static let requestLeads = Lexicon.words.set("requestLeads")
    /// Words that end a create verb's object before it names anything: prepositions, clause
    /// openers, times, and verbs ("create invoice should be one screen" has none).
    private static let objectBlockers = Lexicon.words.set("objectBlockers")

    private mutating func findCreateCue() {
        for verb in Lexicon.createVerbs {
            for hit in PhraseMatcher.find(verb, in: words) + fuzzyVerbUp(verb) + misheard(verb) {
                let head = verb[0]
                // Adverbs between a lead and its verb do not change it: "can we also get".
                var lead = hit.start - 1
                while lead >= 0, Self.adverbs.contains(words[lead].text) { lead -= 1 }
                let before = lead >= 0 ? words[lead].text : ""
                let before2 = lead > 0 ? words[lead - 1].text : ""
                let clauseStart = hit.start == 0 || words[hit.start - 1].clause != words[hit.start].clause
                    || Lexicon.fillers.contains(before)
                var next = hit.end
                switch head {
                case "make", "design":
                    // "let's make a card" / "make a card"; "make it bigger" is an edit.
                    let led = Self.requestLeads.contains(before) || (before == "us" && before2 == "let")
                    guard next < words.count else { continue }
                    let object = words[next].text
                    if !(led && Self.makeObjects.contains(object))
                        && !(clauseStart && Lexicon.articles.contains(object)) { continue }
                case "get":
                    // "can we get", "let's get"; not "I get started" or "we get a lot of tickets".
                    let asked = ["can", "could", "lets"].contains(before)
                        || (["we", "i", "you"].contains(before) && ["can", "could"].contains(before2))
                    guard asked else { continue }
                case "give":
                    guard next < words.count, ["me", "us"].contains(words[next].text) else { continue }
                    next += 1
                default:
                    break
                }
                if next < words.count, ["me", "us"].contains(words[next].text) { next += 1 }
                if let object = objectAfter(next, clause: words[hit.start].clause, verb: head) {
                    // A verb heard wrong ("stay up" for "spin up") is a guess that needs a design around it.
                    if hit.fuzzy, !hasDesignEvidence(besides: object) { continue }
                    if createCue == nil || hit.start < createCue?.verb.start ?? 0 { createCue = (hit, object) }
                } else if next == words.count || (next == words.count - 1 && Lexicon.articles.contains(words[next].text)) {
                    // "so let's build a" and the line ends: the object may open the next line.
                    danglingCue = true
                }
            }
        }
    }

    /// Known mis-hearings of a create verb, marked as guesses.
    private func misheard(_ verb: [String]) -> [PhraseHit] {
        (Lexicon.misheardCreateVerbs[verb.joined(separator: " ")] ?? []).flatMap { heard in
            PhraseMatcher.find(heard, in: words).map { PhraseHit(start: $0.start, length: $0.length, fuzzy: true) }
        }
    }

    /// Phrasal verbs with "up" that are words of their own, never a mis-heard "mock up"/"spin up".
    private static let otherUpVerbs = Lexicon.words.set("otherUpVerbs")

    /// "mark up" for "mock up", "sleep up" for "spin up": a short verb before "up" with the
    /// same first letter whose consonant key is one sound away.
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
    private func objectAfter(_ start: Int, clause verbClause: Int, verb: String) -> ComponentMention? {
        // A filler set off on its own ("can we get, like, a heart toggle") is an aside: the
        // object is in the clause after it.
        var start = start, clause = verbClause
        while start < words.count, words[start].clause != clause, Lexicon.fillers.contains(words[start].text) {
            let aside = words[start...].prefix { $0.clause == words[start].clause }
            guard aside.allSatisfy({ Lexicon.fillers.contains($0.text) }), start + aside.count < words.count else { break }
            start += aside.count
            clause = words[start].clause
        }
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
    private static let designOnlyVerbs = Lexicon.words.set("designOnlyVerbs")

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
            for name in Lexicon.components where name.words.count == 1 && !name.weak && !name.misheard {
                let target = name.words[0]
                let targetKey = SoundAlike.key(target)
                let close = (key == targetKey && SoundAlike.distance(heard, target, limit: 2) <= 2 && heard.first == target.first)
                    || (targetKey.count >= 4 && key.count >= 4 && heard.first == target.first
                        && SoundAlike.distance(key, targetKey, limit: 1) <= 1)
                guard close else { continue }
                // A guess needs a design around it; after "build" or "make" a short one needs more
                // than a verb that only ever asks for designs ("a model of churn").
                let short = heard.count <= 5
                guard hasDesignEvidence(besides: nil) || (!short && Self.designOnlyVerbs.contains(verb)) else { continue }
                return ComponentMention(kind: name.kind, hit: PhraseHit(start: i, length: n, fuzzy: true), weak: false, located: false)
            }
        }
        return nil
    }

    /// Phrases of wanting, hedged and pictured asks among them: "I wonder if we could maybe
    /// have", "is it possible to put", "I'm picturing", "what if the cards had".
    private static let desirePhrases = Lexicon.words.phrases("desirePhrases")

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
        // "the articles should be cards, three across", "pins on the map should be little price
        // badges", "the first thing should be their classes as tiles": what something should be,
        // said as a component in its clause. Not "the" one, unless it is what a thing is shown as.
        for (i, w) in words.enumerated() where w.text == "be" && i > 0 && Self.prescribingModals.contains(words[i - 1].text) {
            guard let named = components.first(where: { $0.hit.start > i && $0.hit.start <= i + 5 && words[$0.hit.start].clause == w.clause }),
                  isShownAs(named) || !words[(i + 1)..<named.hit.start].contains(where: { Self.definite.contains($0.text) }) else { continue }
            desire = true
            indefinite = true
        }
    }

    /// Modals before "be" that say what something is to be ("should be cards"); "could be" and
    /// "would be" also describe what is ("it would be a list of about fifty items").
    private static let prescribingModals = Lexicon.words.set("prescribingModals")

    static let pronouns = Lexicon.words.set("pronouns")

    private mutating func findEdit() {
        for (i, w) in words.enumerated() where Lexicon.editVerbs.contains(w.text) {
            var j = i - 1
            while j >= 0, words[j].clause == w.clause, Lexicon.fillers.contains(words[j].text) { j -= 1 }
            let opensClause = j < 0 || words[j].clause != w.clause
            // An edit acts on something: a clause of the verb alone is a word of looks ("A floating
            // add button, bottom right, round.").
            guard opensClause, i + 1 < words.count, words[i + 1].clause == w.clause else { continue }
            if Self.idiomObjects.contains(words[i + 1].text) { continue }
            edit = true
            if i + 1 < words.count, Self.pronouns.contains(words[i + 1].text) { anaphora = true }
            if addsToPage(verb: i) { placesOnPage = true }
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

    /// "add a search bar to the top of the page": something new placed on a page, not a part
    /// of the component made last.
    private func addsToPage(verb i: Int) -> Bool {
        guard ["add", "put"].contains(words[i].text), i + 1 < words.count, Lexicon.articles.contains(words[i + 1].text) else { return false }
        let clause = words[(i + 1)...].prefix { $0.clause == words[i].clause }
        guard let at = clause.firstIndex(where: { Lexicon.locators.contains($0.text) }) else { return false }
        return words[at...].prefix { $0.clause == words[i].clause }.prefix(6).contains { Lexicon.pageWords.contains($0.text) }
    }
}
