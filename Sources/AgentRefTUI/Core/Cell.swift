/// One terminal cell of a `CellBuffer`.
///
/// A wide character (CJK, most emoji) occupies two cells: the first contains the character
/// with `width` 2, the second is a continuation cell with empty `text` and `width` 0.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already sanitised; empty for a continuation cell.
    public var text: String
    public var style: CellStyle
    /// Columns the character takes: 1, 2, or 0 for a continuation cell.
    public var width: Int

    public init(text: String = " ", style: CellStyle = .plain, width: Int = 1) {
        self.text = text
        self.style = style
        self.width = width
    }

    public var isContinuation: Bool { width == 0 }

    static func blank(_ style: CellStyle) -> Cell {
        Cell(text: " ", style: style, width: 1)
    }
}
