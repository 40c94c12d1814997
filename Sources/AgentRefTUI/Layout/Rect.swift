/// A rectangle of cells: column `x`, row `y`, counted from the top left.
public struct Rect: Hashable, Sendable {
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
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var rows: Range<Int> { y..<maxY }
    public var columns: Range<Int> { x..<maxX }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// Splits off the top `count` rows (fewer when the rectangle is shorter).
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, count), height)
        return (
            Rect(x: x, y: y, width: width, height: taken),
            Rect(x: x, y: y + taken, width: width, height: height - taken)
        )
    }

    /// Splits off the bottom `count` rows (fewer when the rectangle is shorter).
    public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, count), height)
        return (
            Rect(x: x, y: y, width: width, height: height - taken),
            Rect(x: x, y: maxY - taken, width: width, height: taken)
        )
    }

    /// Splits off the left `count` columns (fewer when the rectangle is narrower).
    public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, count), width)
        return (
            Rect(x: x, y: y, width: taken, height: height),
            Rect(x: x + taken, y: y, width: width - taken, height: height)
        )
    }

    /// Returns the rectangle shrunk by `horizontal` columns on each side and `vertical` rows
    /// on top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// Returns a rectangle of `width`×`height` (clipped to this one) centred inside it.
    public func centered(width requestedWidth: Int, height requestedHeight: Int) -> Rect {
        let clampedWidth = min(requestedWidth, width)
        let clampedHeight = min(requestedHeight, height)
        return Rect(
            x: x + (width - clampedWidth) / 2,
            y: y + (height - clampedHeight) / 2,
            width: clampedWidth,
            height: clampedHeight
        )
    }

    /// Returns the single row at offset `index` from the top.
    public func row(_ index: Int) -> Rect {
        Rect(x: x, y: y + index, width: width, height: index < height ? 1 : 0)
    }
}
