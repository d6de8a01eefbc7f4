/// How strongly a line reports on things as they are or were, rather than asking for a design.
///
/// Requests are made in the imperative, with "let's", or with a modal, and are about what is
/// to come; reports tell what happened (a past or perfect verb: "it broke", "legal hasn't
/// reviewed"), judge what exists ("their sidebar is so cluttered"), or talk defects, measures
/// and dates. Words inside what is asked for ("a table of open bugs", "a toast when the export
/// fails") describe the design and are not counted.
struct ReportEvidence: Sendable, Equatable {
    /// Finished events in the main clause: "we shipped", "Acme renewed", "was declined".
    var pastEvents = 0
    /// A linking verb and a judgement: "is slow", "are bad for accessibility".
    var judgements = 0
    /// Defect, measure and calendar words outside the request.
    var topicWords = 0

    /// Report evidence in one number: events weigh most, topic words least.
    var weight: Double { Double(pastEvents) + 0.8 * Double(judgements) + 0.4 * Double(min(topicWords, 3)) }
}

enum ReportReader {
    /// Words before a participle that make it an adjective: "with lost password help", "custom built".
    private static let adjectivalLeads = Lexicon.words.set("adjectivalLeads")
    private static let adverbs = Lexicon.words.set("reportAdverbs")
    private static let intensifiers = Lexicon.words.set("intensifiers")
    /// Words that open a clause describing how the asked-for thing behaves.
    private static let subordinators = Lexicon.subordinators
    /// Participles that take "by" in a design: "sorted by date", "opened by the menu button".
    private static let orderings = Lexicon.words.set("orderings")
    private static let hypothetical = Lexicon.words.set("hypotheticals")

    /// `asked`: where the requested component's description runs, if the line asks for one.
    /// `from`: where a create request starts; what comes before it ("they kept asking for
    /// filters, so can we mock up ...") is why the request is made, not a report instead of it.
    static func read(_ words: [Word], asked: Range<Int>?, from start: Int = 0) -> ReportEvidence {
        var evidence = ReportEvidence()
        for (i, w) in words.enumerated() where i >= start {
            let inRequest = asked?.contains(i) == true
            if !inRequest, isTopicWord(w.text) { evidence.topicWords += 1 }
            if inRequest, opensBehaviour(before: i, in: words, asked: asked) { continue }
            if isPastEvent(at: i, in: words, needsSubject: inRequest) { evidence.pastEvents += 1 }
            if !inRequest, isJudgement(at: i, in: words) { evidence.judgements += 1 }
        }
        return evidence
    }

    private static func isTopicWord(_ word: String) -> Bool {
        Lexicon.defectWords.contains(word) || Lexicon.measureWords.contains(word) || Lexicon.scheduleWords.contains(word)
    }

    /// Inside the request, a clause opened by "when", "that", "so" says what the design does:
    /// "a toast that slides in when the export finished" is still a request.
    private static func opensBehaviour(before i: Int, in words: [Word], asked: Range<Int>?) -> Bool {
        guard let asked else { return false }
        return words[asked.lowerBound..<i].contains { subordinators.contains($0.text) }
    }

    /// `needsSubject`: inside a request "-ed" words are mostly labels and content ("badges for
    /// pending, shipped, delivered"), so only one with a subject or auxiliary counts there.
    private static func isPastEvent(at i: Int, in words: [Word], needsSubject: Bool) -> Bool {
        let w = words[i].text
        let irregular = Lexicon.irregularPast.contains(w)
        let regular = w.count >= 5 && w.hasSuffix("ed") && !Lexicon.uiParticiples.contains(w)
            && !Lexicon.notParticiples.contains(w) && !Lexicon.knownWords.contains(w)
        // "the footer text reviewed by legal", "the form signed by legal": a step someone else
        // takes, not a look (unless it orders things: "sorted by date").
        if w.count >= 5, w.hasSuffix("ed"), !Lexicon.notParticiples.contains(w), i + 1 < words.count, words[i + 1].text == "by",
           !orderings.contains(w) { return true }
        guard irregular || regular else { return false }
        // "if we had", "I wish it was": a wish, not an event.
        if words[max(0, i - 4)..<i].contains(where: { hypothetical.contains($0.text) }) { return false }
        var j = i - 1
        while j >= 0, adverbs.contains(words[j].text) { j -= 1 }
        guard j >= 0 else { return !needsSubject }
        if needsSubject { return Lexicon.subjectPronouns.contains(words[j].text) || Lexicon.pastAuxiliaries.contains(words[j].text) }
        // "a built-in timer", "with lost password help": a participle used as an adjective.
        return !Lexicon.determiners.contains(words[j].text) && !Lexicon.locators.contains(words[j].text)
            && !Self.adjectivalLeads.contains(words[j].text)
    }

    private static func isJudgement(at i: Int, in words: [Word]) -> Bool {
        guard Lexicon.linkingVerbs.contains(words[i].text) else { return false }
        var j = i + 1
        while j < words.count, j <= i + 3, words[j].clause == words[i].clause {
            if Lexicon.judgementWords.contains(words[j].text) { return true }
            guard intensifiers.contains(words[j].text) else { return false }
            j += 1
        }
        return false
    }
}
