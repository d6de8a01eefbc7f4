/// What a cell shows, by meaning; a theme turns each role into colours and attributes.
/// The raw values are the keys of a `.theme` file.
public enum Role: String, Sendable, CaseIterable, Hashable {
    case text
    case dim
    case border
    case borderFocused = "border-focused"
    case title
    case titleFocused = "title-focused"
    case speaker
    /// The speaker palette after `speaker`: each speaker of a meeting gets the next one.
    case speaker2 = "speaker-2"
    case speaker3 = "speaker-3"
    case speaker4 = "speaker-4"
    case speaker5 = "speaker-5"
    case speaker6 = "speaker-6"
    case time
    case partial
    case intent
    case triggered
    case confidence
    case component
    case failed
    case selection
    case codeKeyword = "code-keyword"
    case codeString = "code-string"
    case codeTag = "code-tag"
    case codeAttribute = "code-attribute"
    case codeComment = "code-comment"
    case codeNumber = "code-number"
    case codePunctuation = "code-punctuation"
    case path
    case status
    case statusLive = "status-live"
    case statusPaused = "status-paused"
    case warning
    case notice
    case hint
    case hintKey = "hint-key"
    case positive
    case negative
    case neutral
    case tab
    case tabActive = "tab-active"
    case overlay
    case overlayTitle = "overlay-title"

    /// The speakers' colours, in the order speakers are first heard; the seventh starts again.
    static let speakerPalette: [Role] = [.speaker, .speaker2, .speaker3, .speaker4, .speaker5, .speaker6]

    /// The colour of the speaker first heard in place `slot` (0 for the first).
    static func speaker(slot: Int) -> Role {
        speakerPalette[((slot % speakerPalette.count) + speakerPalette.count) % speakerPalette.count]
    }
}
