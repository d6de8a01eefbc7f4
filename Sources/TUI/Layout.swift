/// Where each pane, the status line and the key hints go for a terminal size.
/// Wide terminals show the four panes side by side, medium ones a 2x2 grid, small ones one pane per tab.
public struct Layout: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case columns, grid, tabs
    }

    public var mode: Mode
    public var panes: [PaneID: Rect]
    public var tabBar: Rect?
    public var status: Rect
    public var hints: Rect

    /// Side by side needs room for four readable panes; the grid needs two rows of at least 8 lines.
    public static let columnsMinWidth = 120
    public static let gridMinWidth = 80
    public static let gridMinHeight = 18

    public static func compute(_ size: Size, focus: PaneID) -> Layout {
        let width = max(1, size.width), height = max(3, size.height)
        let status = Rect(x: 0, y: height - 2, width: width, height: 1)
        let hints = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 0, width: width, height: height - 2)
        if width >= columnsMinWidth && height >= 12 {
            let cols = body.columns([30, 20, 30, 20])
            return Layout(mode: .columns,
                          panes: [.transcript: cols[0], .intents: cols[1], .code: cols[2], .insights: cols[3]],
                          tabBar: nil, status: status, hints: hints)
        }
        if width >= gridMinWidth && height >= gridMinHeight {
            let rows = body.rows([1, 1])
            let top = rows[0].columns([55, 45]), bottom = rows[1].columns([55, 45])
            return Layout(mode: .grid,
                          panes: [.transcript: top[0], .intents: top[1], .code: bottom[0], .insights: bottom[1]],
                          tabBar: nil, status: status, hints: hints)
        }
        let tabBar = Rect(x: 0, y: 0, width: width, height: 1)
        let pane = Rect(x: 0, y: 1, width: width, height: body.height - 1)
        return Layout(mode: .tabs, panes: [focus: pane], tabBar: tabBar, status: status, hints: hints)
    }

    /// The pane under a screen position, for mouse clicks.
    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }

    /// The tab under a position on the tab bar, matching how `TabBar` lays the names out.
    public func tab(atX x: Int, y: Int) -> PaneID? {
        guard let bar = tabBar, bar.contains(x: x, y: y) else { return nil }
        var left = bar.x
        for pane in PaneID.allCases {
            let w = TextWidth.width(TabBar.label(pane))
            if x >= left && x < left + w { return pane }
            left += w + 1
        }
        return nil
    }
}
