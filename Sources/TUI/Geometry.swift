/// A terminal size in cells.
public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A rectangle of cells; `x`/`y` are the top-left corner, zero-based.
public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The rectangle shrunk by `n` cells on every side (the inside of a box).
    public func inset(_ n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// Splits into columns whose widths follow `weights`; the last column takes the rounding rest.
    public func columns(_ weights: [Int]) -> [Rect] {
        let total = max(1, weights.reduce(0, +))
        var result: [Rect] = []
        var left = x
        for (i, w) in weights.enumerated() {
            let width = i == weights.count - 1 ? maxX - left : self.width * w / total
            result.append(Rect(x: left, y: y, width: width, height: height))
            left += width
        }
        return result
    }

    /// Splits into rows whose heights follow `weights`; the last row takes the rounding rest.
    public func rows(_ weights: [Int]) -> [Rect] {
        let total = max(1, weights.reduce(0, +))
        var result: [Rect] = []
        var top = y
        for (i, w) in weights.enumerated() {
            let height = i == weights.count - 1 ? maxY - top : self.height * w / total
            result.append(Rect(x: x, y: top, width: width, height: height))
            top += height
        }
        return result
    }
}
