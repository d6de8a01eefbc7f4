import Core

/// The generated JSX of the selected component: name, version, file path, highlighted code.
enum CodePane {
    /// The component and version the pane shows: the selection, else the newest written component.
    static func shown(_ model: MeetingViewModel, _ state: ScreenState) -> ComponentWritten? {
        guard let id = state.selectedComponent ?? model.lastComponent?.componentID,
              let history = model.history(id) else { return nil }
        if let v = state.selectedVersion, let written = history.versions.first(where: { $0.version == v }) {
            return written
        }
        return history.versions.last
    }

    static func title(_ model: MeetingViewModel, _ state: ScreenState) -> String {
        guard let written = shown(model, state), let history = model.history(written.componentID) else { return "Component" }
        return "\(written.name) v\(written.version)/\(history.versions.last?.version ?? written.version)"
    }

    static func lines(_ model: MeetingViewModel, _ state: ScreenState, width: Int) -> [StyledLine] {
        guard let written = shown(model, state), let history = model.history(written.componentID) else {
            return StyledLine.wrap([Span("No component yet. Describe one in the meeting, or press g to generate now.", .dim)],
                                   width: width)
        }
        var result: [StyledLine] = []
        let position = (history.versions.firstIndex(of: written) ?? 0) + 1
        let head = [Span(written.name, .component), Span("  version \(written.version)", .text),
                    Span(" (\(position) of \(history.versions.count))", .dim)]
        result += StyledLine.wrap(head, width: width, indent: 2)
        result.append(StyledLine(TextWidth.truncateLeft(written.path, to: width), .path))
        result.append(StyledLine(String(repeating: "─", count: max(0, width)), .border))
        for spans in JSXHighlighter.highlight(written.event.jsx) {
            result += StyledLine.wrap(spans, width: width, indent: 4)
        }
        return result
    }
}
