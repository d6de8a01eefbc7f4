/// The four panes of the meeting screen, in focus order.
public enum PaneID: Int, CaseIterable, Sendable, Hashable {
    case transcript, intents, code, insights

    public var title: String {
        switch self {
        case .transcript: "Transcript"
        case .intents: "Intents"
        case .code: "Component"
        case .insights: "Insights"
        }
    }
}

/// Where a pane's view of its lines starts. A pane that follows its end (the transcript)
/// keeps showing the newest line until the user scrolls up, and follows again at the bottom.
public struct ScrollState: Sendable, Equatable {
    public var top = 0
    public var follow: Bool
    public let sticksToEnd: Bool

    public init(sticksToEnd: Bool) {
        self.sticksToEnd = sticksToEnd
        follow = sticksToEnd
    }

    /// The first visible line for `count` lines in a viewport of `page` lines.
    public func visibleTop(count: Int, page: Int) -> Int {
        let maxTop = max(0, count - page)
        return follow ? maxTop : min(max(0, top), maxTop)
    }

    public mutating func scroll(by delta: Int, count: Int, page: Int) {
        let maxTop = max(0, count - page)
        top = min(max(0, visibleTop(count: count, page: page) + delta), maxTop)
        follow = sticksToEnd && top >= maxTop
    }

    /// Scrolls by the keys every pane shares; other keys are left for the pane.
    public mutating func handle(_ key: Key, count: Int, page: Int) -> Handled {
        switch key {
        case .up, .char("k"): scroll(by: -1, count: count, page: page)
        case .down, .char("j"): scroll(by: 1, count: count, page: page)
        case .pageUp: scroll(by: -max(1, page - 1), count: count, page: page)
        case .pageDown: scroll(by: max(1, page - 1), count: count, page: page)
        case .home: scroll(by: -count, count: count, page: page)
        case .end: scroll(by: count, count: count, page: page)
        default: return .ignored
        }
        return .handled
    }
}

/// A short message in the status area that disappears by itself.
public struct Notice: Sendable, Equatable {
    public var text: String
    public var role: Role
    public var at: Double
    public var until: Double
}

/// Everything about the screen that is not the meeting itself: focus, scroll positions,
/// the selected component and version, overlays. Changed only by keys, so tests drive it directly.
public struct ScreenState: Sendable, Equatable {
    public var focus: PaneID = .transcript
    public var scroll: [PaneID: ScrollState] = [
        .transcript: ScrollState(sticksToEnd: true),
        .intents: ScrollState(sticksToEnd: true),
        .code: ScrollState(sticksToEnd: false),
        .insights: ScrollState(sticksToEnd: false),
    ]
    /// The intents pane's cursor; nil follows the newest line.
    public var cursor: SelectionTarget?
    /// The component shown in the code pane; nil shows the newest written component.
    public var selectedComponent: String?
    /// The version shown; nil shows the newest version.
    public var selectedVersion: Int?
    public var helpShown = false
    /// The rename prompt `n` opened; while it is open, typing goes to it.
    public var speakerPrompt: SpeakerPrompt?
    public var paused = false
    public var themeIndex = 0
    public var notice: Notice?

    public init() {}

    public mutating func focusNext() {
        focus = PaneID(rawValue: (focus.rawValue + 1) % PaneID.allCases.count) ?? .transcript
    }

    public mutating func focusPrevious() {
        let n = PaneID.allCases.count
        focus = PaneID(rawValue: (focus.rawValue + n - 1) % n) ?? .transcript
    }

    public mutating func show(_ text: String, role: Role = .notice, now: Double, seconds: Double = 5) {
        notice = Notice(text: text, role: role, at: now, until: now + seconds)
    }

    subscript(scrollOf pane: PaneID) -> ScrollState {
        get { scroll[pane] ?? ScrollState(sticksToEnd: false) }
        set { scroll[pane] = newValue }
    }
}
