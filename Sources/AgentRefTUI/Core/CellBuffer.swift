/// A grid of cells that a frame is rendered into before the terminal layer draws it.
///
/// Every string written goes through `TextSanitizer`, so nothing drawn can carry an
/// escape sequence to the terminal. Writes are clipped to the buffer and to the given
/// width; a wide character that does not fit whole is replaced by a space.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    /// Creates a buffer of `size` filled with spaces in `style`.
    public init(size: TerminalSize, style: CellStyle = .plain) {
        width = max(0, size.width)
        height = max(0, size.height)
        cells = Array(repeating: .blank(style), count: width * height)
    }

    public var size: TerminalSize { TerminalSize(width: width, height: height) }

    /// The cell at column `x`, row `y`; both must be inside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Returns the cells of row `y`.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * width)..<((y + 1) * width)]
    }

    /// Fills `rect` (clipped to the buffer) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        let clipped = rect.intersection(bounds)
        for y in clipped.rows {
            for x in clipped.columns {
                setCell(.blank(style), x: x, y: y)
            }
        }
    }

    /// Writes `text` on row `y` from column `x`, using at most `maxWidth` columns.
    ///
    /// - Returns: Columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: CellStyle) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }

        let limit = min(maxWidth ?? width, width - x)
        var used = 0
        for (character, characterWidth) in DisplayWidth.widths(of: TextSanitizer.sanitize(text)) {
            guard characterWidth > 0 else { continue }
            if used + characterWidth > limit {
                if used < limit {
                    setCell(.blank(style), x: x + used, y: y)
                    used += 1
                }
                return used
            }
            put(character, width: characterWidth, x: x + used, y: y, style: style)
            used += characterWidth
        }
        return used
    }

    /// Sets the style of the cells in `rect` without changing their text.
    public mutating func restyle(_ rect: Rect, _ transform: (CellStyle) -> CellStyle) {
        let clipped = rect.intersection(bounds)
        for y in clipped.rows {
            for x in clipped.columns {
                cells[y * width + x].style = transform(cells[y * width + x].style)
            }
        }
    }

    /// Returns the buffer as text, one string per row. Continuation cells add nothing, so
    /// each row is as wide on a terminal as the buffer.
    public func textLines() -> [String] {
        (0..<height).map { y in
            row(y).map(\.text).joined()
        }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    private mutating func put(_ character: Character, width characterWidth: Int, x: Int, y: Int, style: CellStyle) {
        setCell(Cell(text: String(character), style: style, width: characterWidth), x: x, y: y)
        if characterWidth == 2, x + 1 < width {
            setCell(Cell(text: "", style: style, width: 0), x: x + 1, y: y)
        }
    }

    /// Sets one cell, blanking the other half of any wide character it overwrites.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }

        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.width == 2, x + 1 < width, cell.width != 0 {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }
}
