import Core

/// The words MockPilot listens for: component names, styles, colours and request phrases.
///
/// Phrases are lower-case word sequences; a trailing plural "s" is accepted on the last word.
enum Lexicon {
    /// How each component is named in a meeting. `weak` names ("header", "banner") count
    /// only in a new request, because in a refinement they are usually a part of the
    /// current component ("make the header sticky" on a table).
    struct ComponentName: Sendable {
        var words: [String]
        var kind: ComponentKind
        var weak = false
        /// A recogniser's known mis-hearing: counted as a guess, like a near-miss spelling.
        var misheard = false
    }

    /// The lists themselves: `Resources/intent-words.json`.
    static let words = IntentWords.bundled

    static let components: [ComponentName] = words.components.flatMap { entry in
        entry.names.map {
            ComponentName(words: $0.split(separator: " ").map(String.init), kind: entry.kind, weak: entry.weak ?? false,
                          misheard: entry.misheard ?? false)
        }
    }

    /// Style names with the phrases that ask for them.
    static let styles: [(words: [String], style: String)] = words.styles.flatMap { entry in
        entry.phrases.map { (words: $0.split(separator: " ").map(String.init), style: entry.style) }
    }

    /// Colour words, including Tailwind's palette names, mapped to one spelling.
    static let colors: [String: String] = words.colors
    /// Palette names that are ordinary words too: colours only beside a shade number or "colour".
    static let ambiguousColors = words.set("ambiguousColors")

    /// Verbs that ask for something new to be made; "make" and "get" need a request frame.
    static let createVerbs: [[String]] = words.createVerbs.map { $0.split(separator: " ").map(String.init) }
    /// Create verbs as Whisper tiny.en is known to mis-hear them ("stay up" for "spin up");
    /// like any create verb they count only with a component right after them.
    static let misheardCreateVerbs: [String: [[String]]] = words.misheardCreateVerbs.mapValues { phrases in
        phrases.map { $0.split(separator: " ").map(String.init) }
    }
    /// Verbs that change what is already there.
    static let editVerbs = words.set("editVerbs")
    /// Words that open a clause without carrying meaning.
    static let fillers = words.set("fillers")
    /// Parts of a component that a refinement may talk about.
    static let designParts = words.set("designParts")
    /// Words that place a line in an interface: a mis-heard name beside one is probably a design word.
    static let uiContext = words.set("uiContext")
    /// Whole views a component is placed on.
    static let pageWords = words.set("pageWords")
    /// Plurals that are parts of an interface: "the navbar links", "the dropdown options".
    static let uiPlurals = words.set("uiPlurals")
    /// Spatial words: a component after them is where something goes, not what is asked.
    static let locators = words.set("locators")
    /// Verbs of movement; "slide", "fade" and the like also take a path ("slide in").
    static let motionVerbs = words.set("motionVerbs")
    static let pathVerbs = words.set("pathVerbs")
    /// Every word of the style and verb tables: never taken for a mis-heard component name.
    static let knownWords: Set<String> = {
        var known = editVerbs.union(designParts).union(colors.keys)
        for entry in styles { known.formUnion(entry.words) }
        for verb in createVerbs { known.formUnion(verb) }
        known.formUnion(motionVerbs.union(pathVerbs))
        known.remove("stay")
        return known
    }()
    static let articles = words.set("articles")
    /// Articles, demonstratives, possessives and quantifiers before a noun: "a", "the", "our", "each".
    static let determiners = words.set("determiners")
    /// Words that carry no design content: "the", "with", "maybe".
    static let functionWords = words.set("functionWords")
}
