/// Requests said as a bare noun phrase: "Car results as cards.", "Tabs for Tokens, NFTs and
/// Activity.", "Split bill button. Orange. Bottom right.", "Above it, a search with typeahead."
///
/// Meetings dictate designs this way. A sentence that names a component and says something
/// about it (its looks, what it holds, where it sits), but has no verb of its own (nothing
/// happens, nothing is or was, nobody does anything, nothing is asked about), is describing
/// what to build; talk about a component always has a verb ("the modal is broken", "why does
/// the nav flicker", "we shipped the sidebar").
extension Reading {
    /// Determiners of a thing already known: "the sidebar", "our footer" is talk about it.
    static let definite = Lexicon.words.set("definiteDeterminers")
    /// A modal, or a negated auxiliary ("dont", "doesnt"), is a verb: the sentence says something.
    private static let modals = Lexicon.modals.union(Lexicon.words.set("negatedAuxiliaries"))
    /// A subject and its verb in one word.
    private static let contractions = Lexicon.words.set("subjectVerbContractions")
    /// Words that open a clause about how the thing behaves ("when", "if", and "every", "what"):
    /// its verbs are the design's.
    private static let subordinators = Lexicon.subordinators.union(Lexicon.words.set("behaviourOpeners"))
    /// Words after a component that place it or say what it holds.
    private static let details = Lexicon.words.set("detailWords")

    /// The component a verbless sentence describes, if the line is one.
    var describedComponent: ComponentMention? {
        // Topic words ("the cost so far") only lower the confidence; events and judgements are talk.
        guard createCue == nil, report.pastEvents == 0, report.judgements == 0 else { return nil }
        let sure = components.filter { !$0.weak && !$0.hit.fuzzy && !$0.misheard }
        guard let mention = asked(among: sure) else { return nil }
        let at = mention.hit.start
        // "Hi all. Event ticketing, the seat picker and checkout.": a meeting opening its topics.
        if let first = words.first, Self.greetings.contains(first.text) { return nil }
        let sentence = words.indices.filter { words[$0].sentence == words[at].sentence }
        if let opener = sentence.first(where: { !Lexicon.fillers.contains(words[$0].text) }),
           Lexicon.worldQuestionWords.contains(words[opener].text) { return nil }
        for i in sentence {
            let w = words[i].text
            if i > at, Self.subordinators.contains(w) { break }
            if Lexicon.subjectPronouns.contains(w) {
                // "a carousel of photos you can swipe through": a clause about it, in its own clause;
                // "Hero or not, we ship on Tuesday": a new clause with a subject is a statement.
                if i > at, words[i].clause == words[at].clause { break }
                return nil
            }
            if Self.isVerb(w) { return nil }
        }
        return saysSomething(about: mention, in: sentence) ? mention : nil
    }

    /// The line opens with a short noun phrase and what it is shown as, in words that name no
    /// component ("Ingredients as a checklist so you can tick off what you've got.", "car parks
    /// as pins with the free spaces count on them"): a description of a design whose kind the
    /// line's embedding tells. Not a comparison ("X as well as Y", "as soon as"), and nothing
    /// with a verb before the "as" ("we used it as a stopgap").
    var showsSomethingAs: Bool {
        guard let start = words.firstIndex(where: { !Lexicon.fillers.contains($0.text) }),
              let at = words[start...].prefix(5).firstIndex(where: { $0.text == "as" }), at > start,
              !Self.comparisonLeads.contains(words[at - 1].text),
              !words[start..<at].contains(where: { $0.clause != words[at].clause || Self.isVerb($0.text) || Self.isPronoun($0.text) })
        else { return false }
        var next = at + 1
        while next < words.count, Self.determinersAndNumbers.contains(words[next].text) { next += 1 }
        guard next < words.count, words[next].clause == words[at].clause, !Self.notShownAfterAs.contains(words[next].text) else { return false }
        return !(next + 1 < words.count && words[next + 1].text == "as")
    }

    /// A verb: a linking verb, a modal, a subject and verb in one word, a past, or a present that
    /// states how things are. The one verb test of the readings and of the head's rule features.
    static func isVerb(_ w: String) -> Bool {
        Lexicon.linkingVerbs.contains(w) || modals.contains(w) || contractions.contains(w)
            || Lexicon.irregularPast.contains(w) || Reading.thirdPersonVerbs.contains(w) || RuleFeatures.stating.contains(w)
    }

    /// A subject, or an object after a verb ("we used it as a stopgap", "treat that as").
    private static func isPronoun(_ w: String) -> Bool {
        Lexicon.subjectPronouns.contains(w) || pronouns.contains(w)
    }

    /// Words between "as" and what a thing is shown as: "as a", "as three", "as little".
    private static let determinersAndNumbers = Lexicon.determiners.union(Lexicon.articles)
        .union(Lexicon.words.set("shownAsLeads"))
    /// Words after "as" that make it no showing: "as well as", "as soon as", "as if", "as usual".
    private static let notShownAfterAs = Lexicon.functionWords.union(comparisonLeads)
        .union(Lexicon.words.set("shownAsNot"))

    /// Looks, a part, a brand, "as a card", or a place or content word after the name. Without
    /// looks, "the" before the name points at something that exists ("the seat picker").
    private func saysSomething(about mention: ComponentMention, in sentence: [Int]) -> Bool {
        if !styles.isEmpty || !colors.isEmpty || !brandRefs.isEmpty || designParts > 0 { return true }
        let at = mention.hit.start
        if at > 0, Self.definite.contains(words[at - 1].text) { return false }
        if words[max(0, at - 2)..<at].contains(where: { $0.text == "as" }) { return true }
        // "Apply form. Name, email, CV upload.": the name first, then clauses of what it holds.
        if words[mention.hit.end...].contains(where: { $0.clause != words[at].clause }),
           !words[..<at].contains(where: { $0.clause != words[at].clause && !Lexicon.fillers.contains($0.text) }) { return true }
        return sentence.contains { $0 >= mention.hit.end && (Self.details.contains(words[$0].text) || Self.subordinators.contains(words[$0].text)) }
    }

    private static let greetings = Lexicon.words.set("greetings")
}
