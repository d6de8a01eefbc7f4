import Core

/// What the screen asks of the loop that runs it.
public enum ScreenAction: Sendable, Equatable {
    case send(PipelineCommand)
    case quit
    case themeChanged
}

/// The whole meeting screen: the root component. It reduces events into the view model,
/// turns keys into state changes and pipeline commands, and draws every pane for a size.
public struct Screen: Sendable {
    public private(set) var model = MeetingViewModel()
    public var state = ScreenState()
    public let catalog: ThemeCatalog
    public let exportFolder: String
    public var size: Size
    /// The time used for notices and warnings; the loop sets it from its clock.
    public var now: Double = 0
    /// Actions produced by `handle`, taken by the loop.
    public internal(set) var actions: [ScreenAction] = []
    /// Wrapped transcript lines from earlier frames.
    let transcriptRows = TranscriptRows()

    /// How long a warning from the pipeline stays in the status line.
    public static let warningSeconds = 6.0

    public init(catalog: ThemeCatalog, themeIndex: Int = 0, exportFolder: String, size: Size) {
        self.catalog = catalog
        self.exportFolder = exportFolder
        self.size = size
        state.themeIndex = themeIndex
    }

    public var theme: Theme { catalog.themes[state.themeIndex % catalog.themes.count] }
    public var layout: Layout { Layout.compute(size, focus: state.focus) }

    public mutating func apply(_ event: PipelineEvent) {
        model.apply(event, at: now)
        if case .status(let s) = event { state.paused = !s.live }
    }

    public mutating func takeActions() -> [ScreenAction] {
        defer { actions = [] }
        return actions
    }

    /// The notice showing now: the newer of a confirmation and a pipeline warning.
    public var activeNotice: Notice? {
        var best = state.notice.flatMap { $0.until > now ? $0 : nil }
        if let w = model.warning, now - w.at < Self.warningSeconds, best.map({ w.at >= $0.at }) ?? true {
            best = Notice(text: w.isNotice ? w.text : "⚠ " + w.text, role: w.isNotice ? .notice : .warning, at: w.at,
                          until: w.at + Self.warningSeconds)
        }
        return best
    }

    /// When a notice disappears, so the loop wakes to redraw then.
    public var nextExpiry: Double? { activeNotice?.until }

    // MARK: Drawing

    public func render() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        draw(into: &buffer, in: buffer.bounds)
        return buffer
    }

    public func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        let layout = self.layout
        for (id, paneRect) in layout.panes {
            pane(id, rect: paneRect).draw(into: &buffer, in: paneRect)
        }
        if let bar = layout.tabBar { TabBar(focus: state.focus).draw(into: &buffer, in: bar) }
        StatusBar(model: model, paused: state.paused, notice: activeNotice).draw(into: &buffer, in: layout.status)
        if let prompt = state.speakerPrompt {
            prompt.draw(into: &buffer, in: layout.hints)
        } else {
            HintBar().draw(into: &buffer, in: layout.hints)
        }
        if state.helpShown {
            HelpOverlay(themeName: theme.name).draw(into: &buffer, in: Rect(x: 0, y: 0, width: size.width, height: size.height - 2))
        }
    }

    func pane(_ id: PaneID, rect: Rect) -> any Component {
        if id == .intents { return IntentsPane(model: model, state: state, rect: rect) }
        return view(id, rect: rect)
    }

    func view(_ id: PaneID, rect: Rect) -> PaneView {
        let inner = rect.inset(1)
        let width = max(1, inner.width)
        let lines: [StyledLine]
        var title = id.title
        switch id {
        case .transcript:
            lines = TranscriptPane.lines(model, width: width, cache: transcriptRows)
            if model.lines.contains(where: { !$0.isFinal }) { title += " · hearing…" }
        case .intents:
            lines = IntentsPane.lines(model, shown: nil, width: width)
        case .code:
            lines = CodePane.lines(model, state, width: width)
            title = CodePane.title(model, state)
        case .insights:
            lines = InsightsPane.lines(model, width: width)
        }
        return PaneView(title: title, lines: lines, scroll: state[scrollOf: id], focused: state.focus == id,
                        highlighted: nil, page: max(1, inner.height))
    }
}
