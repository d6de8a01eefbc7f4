import Core

/// Keys and mouse: global keys first, then the focused pane.
extension Screen: Component {
    public mutating func handle(_ key: Key) -> Handled {
        if state.speakerPrompt != nil, let handled = handleInPrompt(key) { return handled }
        if state.helpShown {
            state.helpShown = false
            var overlay = HelpOverlay(themeName: theme.name)
            // `?` and esc only close the overlay; any other key closes it and does its job.
            if overlay.handle(key) == .handled { return .handled }
        }
        switch key {
        case .char("q"), .interrupt:
            actions.append(.send(.quit))
            actions.append(.quit)
        case .char("?"):
            state.helpShown = true
        case .escape:
            break
        case .char("g"):
            actions.append(.send(.generateNow))
            state.show("Generating a component from the current talk…", now: now)
        case .char(" "):
            state.paused.toggle()
            actions.append(.send(.setPaused(state.paused)))
            state.show(state.paused ? "Paused: not listening" : "Listening again", now: now, seconds: 3)
        case .tab:
            state.focusNext()
        case .backTab:
            state.focusPrevious()
        case .char("1"), .char("2"), .char("3"), .char("4"):
            if case .char(let c) = key, let n = c.wholeNumberValue, let pane = PaneID(rawValue: n - 1) { state.focus = pane }
        case .char("e"):
            actions.append(.send(.export(to: exportFolder)))
            state.show("Export requested → \(exportFolder)", now: now, seconds: 8)
        case .char("t"):
            state.themeIndex = (state.themeIndex + 1) % catalog.themes.count
            actions.append(.themeChanged)
            state.show("Theme: \(theme.name)", now: now, seconds: 3)
        case .char("i"):
            actions.append(.send(.refreshInsights))
            state.show(model.insight == nil ? "Refreshing insights (needs a source: mockpilot mine)" : "Refreshing insights…",
                       now: now)
        case .char("["), .char("]"):
            stepVersion(older: key == .char("["))
        case .char("n"):
            openSpeakerPrompt()
        case .resize:
            break
        case .click(let x, let y):
            if let pane = layout.tab(atX: x, y: y) ?? layout.pane(atX: x, y: y) { state.focus = pane }
        case .wheel(let x, let y, let delta):
            guard let pane = layout.pane(atX: x, y: y), let rect = layout.panes[pane] else { return .ignored }
            var v = view(pane, rect: rect)
            v.scroll.scroll(by: delta * 3, count: v.lines.count, page: v.page)
            state[scrollOf: pane] = v.scroll
        default:
            return handleInFocusedPane(key)
        }
        return .handled
    }

    private mutating func handleInFocusedPane(_ key: Key) -> Handled {
        guard let rect = layout.panes[state.focus] else { return .ignored }
        if state.focus == .intents {
            var pane = IntentsPane(model: model, state: state, rect: rect)
            let handled = pane.handle(key)
            state.cursor = pane.cursor
            state[scrollOf: .intents] = pane.view.scroll
            if let chosen = pane.chosen { select(chosen) }
            return handled
        }
        var pane = view(state.focus, rect: rect)
        let handled = pane.handle(key)
        state[scrollOf: state.focus] = pane.scroll
        return handled
    }

    /// Shows the chosen intent's component (or the chosen component) in the code pane.
    private mutating func select(_ target: SelectionTarget) {
        switch target {
        case .suggestion(let utteranceID):
            actions.append(.send(.makeSuggestion(utteranceID: utteranceID)))
            state.cursor = nil
            state.show("Making the suggestion…", now: now)
            return
        case .line:
            return
        case .component(let id):
            state.selectedComponent = id
            state.selectedVersion = nil
        case .intent(let index):
            guard let found = model.component(forIntentAt: index) else {
                state.show("No component was written for this intent yet", now: now)
                return
            }
            state.selectedComponent = found.id
            state.selectedVersion = found.version
        }
        state[scrollOf: .code] = ScrollState(sticksToEnd: false)
        if let shown = CodePane.shown(model, state) {
            state.show("Showing \(shown.name) v\(shown.version)", now: now, seconds: 3)
        }
    }

    /// Keys while the rename prompt is open: it takes everything but quitting, resizing and the mouse
    /// (nil: handle the key as usual).
    private mutating func handleInPrompt(_ key: Key) -> Handled? {
        switch key {
        case .interrupt, .resize, .click, .wheel: return nil
        default: break
        }
        guard var prompt = state.speakerPrompt else { return nil }
        // Every other key is the prompt's, even one it does not use: `q` is a letter of a name.
        _ = prompt.handle(key)
        state.speakerPrompt = prompt
        switch prompt.outcome {
        case .editing:
            break
        case .cancelled:
            state.speakerPrompt = nil
            state.show("\(prompt.current) keeps their name", now: now, seconds: 3)
        case .confirmed(let name):
            state.speakerPrompt = nil
            actions.append(.send(.renameSpeaker(label: prompt.label, name: name)))
            state.show("Renaming \(prompt.current) to \(name)…", now: now, seconds: 3)
        }
        return .handled
    }

    /// `n`: the speaker of the newest transcript line at or above the bottom of the transcript pane
    /// (scroll up to rename someone else).
    private mutating func openSpeakerPrompt() {
        guard let label = speakerToRename() else {
            state.show("No speaker to rename: the transcript shows no lines with a speaker", now: now, seconds: 4)
            return
        }
        state.speakerPrompt = SpeakerPrompt(label: label, current: model.name(of: label) ?? label)
    }

    func speakerToRename() -> String? {
        let speakers = Dictionary(model.lines.compactMap { line in line.speaker.map { (line.id, $0) } }) { first, _ in first }
        guard !speakers.isEmpty else { return nil }
        // The pane's rows as drawn now; when the transcript is not on screen (one pane at a time),
        // as it would be drawn at the same width.
        let rect = layout.panes[.transcript] ?? Rect(x: 0, y: 0, width: size.width, height: max(3, size.height - 3))
        let pane = view(.transcript, rect: rect)
        let bottom = min(pane.lines.count, pane.scroll.visibleTop(count: pane.lines.count, page: pane.page) + pane.page)
        for row in pane.lines[..<bottom].reversed() {
            if case .line(let id)? = row.target, let label = speakers[id], !label.isEmpty { return label }
        }
        return nil
    }

    private mutating func stepVersion(older: Bool) {
        guard let shown = CodePane.shown(model, state), let history = model.history(shown.componentID),
              let i = history.versions.firstIndex(of: shown) else {
            state.show("No component to page through yet", now: now, seconds: 3)
            return
        }
        let j = older ? max(0, i - 1) : min(history.versions.count - 1, i + 1)
        state.selectedComponent = history.id
        // The newest version is shown as "latest", so a later version appears when it is written.
        state.selectedVersion = j == history.versions.count - 1 ? nil : history.versions[j].version
        state[scrollOf: .code] = ScrollState(sticksToEnd: false)
        if i == j {
            state.show(older ? "This is the oldest version" : "This is the newest version", now: now, seconds: 2)
        }
    }
}
