/// One terminal cell: what it shows and in which role.
/// A wide character fills its first cell; the cell after it is a continuation (`width == 0`).
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: Int
    public var role: Role

    public static func blank(_ role: Role) -> Cell { Cell(text: " ", width: 1, role: role) }
    static let continuation = Cell(text: "", width: 0, role: .text)
}

/// The whole screen in memory. Components draw into it; the terminal paints only the cells
/// that differ from the previous frame, and tests read it row by row.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]

    public init(width: Int, height: Int, role: Role = .text) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The text of row `y`, wide characters once each (what `tmux capture-pane` shows).
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        return s
    }

    /// Every row, joined by newlines.
    public var text: String { (0..<height).map(row).joined(separator: "\n") }

    /// The roles of row `y`, one per cell, for tests that check styling.
    public func roles(_ y: Int) -> [Role] { (0..<width).map { self[$0, y].role } }

    public mutating func fill(_ rect: Rect, role: Role) {
        let r = clip(rect)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { set(x, y, .blank(role)) }
        }
    }

    /// Writes `string` from (x, y) in `role`, never past `limit` columns nor the buffer edge.
    /// Returns the number of columns used. A wide character that would straddle the edge becomes a space.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, role: Role, limit: Int? = nil) -> Int {
        guard y >= 0 && y < height && x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        for character in string {
            let g = TextWidth.glyph(character)
            if g.width == 0 { continue }
            if col + g.width > end {
                if col < end && col >= 0 { set(col, y, .blank(role)) }
                col = end
                break
            }
            if col >= 0 {
                set(col, y, Cell(text: g.text, width: g.width, role: role))
                if g.width == 2 { set(col + 1, y, Cell(text: "", width: 0, role: role)) }
            }
            col += g.width
        }
        return max(0, col - x)
    }

    /// Writes a styled line; returns the columns used.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, limit: Int) -> Int {
        var used = 0
        for span in line.spans where used < limit {
            used += put(span.text, x: x + used, y: y, role: span.role, limit: limit - used)
        }
        return used
    }

    /// A single-line box with an optional title in the top border.
    public mutating func box(_ rect: Rect, title: String?, focused: Bool) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let border: Role = focused ? .borderFocused : .border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: border)
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put("│", x: rect.x, y: y, role: border)
            put("│", x: rect.maxX - 1, y: y, role: border)
        }
        if let title, rect.width > 6 {
            let text = " " + TextWidth.truncate(title, to: rect.width - 6) + " "
            put(text, x: rect.x + 2, y: rect.y, role: focused ? .titleFocused : .title)
        }
    }

    private func clip(_ r: Rect) -> Rect {
        let x0 = max(0, r.x), y0 = max(0, r.y)
        return Rect(x: x0, y: y0, width: min(width, r.maxX) - x0, height: min(height, r.maxY) - y0)
    }

    /// Sets one cell, repairing a wide character whose other half is overwritten.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0 && x < width && y >= 0 && y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.width == 0 && x > 0 && cells[i - 1].width == 2 && cell.width != 0 {
            cells[i - 1] = .blank(cells[i - 1].role)
        }
        if old.width == 2 && x + 1 < width && cell.width != 2 {
            cells[i + 1] = .blank(old.role)
        }
        if cell.width == 2 && x + 1 >= width {
            cells[i] = .blank(cell.role)
            return
        }
        cells[i] = cell
    }
}
