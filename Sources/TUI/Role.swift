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
}
