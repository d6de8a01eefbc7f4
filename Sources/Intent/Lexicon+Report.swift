/// Word classes of talk about the world rather than about a design: what happened, what is
/// measured, what went wrong, when things are due. They are general English and general office
/// vocabulary, so they hold for meetings the rules were never tuned on.
extension Lexicon {
    /// Irregular past forms; regular ones are read from their "-ed". Forms that are also common
    /// words for places or looks ("left", "set", "cut", "read", "light") are left out.
    static let irregularPast = words.set("irregularPast")

    /// "-ed" words that describe a look or a state of the interface, not a past event:
    /// "striped rows", "a disabled state", "when it's focused".
    static let uiParticiples = words.set("uiParticiples")
    /// Words that end in "ed" without being participles at all.
    static let notParticiples = words.set("notParticiples")

    /// Defects and their paperwork.
    static let defectWords = words.set("defectWords")

    /// Business measures and units of measure (pixels and columns are design sizes, not here).
    static let measureWords = words.set("measureWords")

    /// The calendar and the meeting itself.
    static let scheduleWords = words.set("scheduleWords")

    /// Adjectives that judge or report a thing as it is ("is slow", "so cluttered"), read only after a
    /// linking verb, so "a broken-image placeholder" is not a complaint.
    static let judgementWords = words.set("judgementWords")

    static let subjectPronouns = words.set("subjectPronouns")
    /// Auxiliaries after which an "-ed" word is a finished event: "hasn't reviewed", "was declined".
    static let pastAuxiliaries = words.set("pastAuxiliaries")
    static let linkingVerbs = words.set("linkingVerbs")
    /// Question words that ask about the world, not for a design ("why does", "did the", "is it",
    /// "which one"): a sentence they open is a question, not a description of what to build.
    static let worldQuestionWords = words.set("worldQuestionWords")
    static let modals = words.set("modals")
    /// Words that open a subordinate clause ("when", "if", "because").
    static let subordinators = words.set("subordinators")
}
