/// A framed rectangle with a title, the base of dialogs and overlays.
enum BoxView {
    /// Fills `rect` with the `dialog` style, draws a border in the `border` style and the
    /// title in the top edge.
    ///
    /// - Returns: The area inside the border, one column of padding on each side.
    @discardableResult
    static func render(title: String, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) -> Rect {
        guard rect.width >= 4, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }

        buffer.fill(rect, style: theme[.dialog])
        let border = theme[.border]
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
        buffer.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.write("│", x: rect.x, y: y, style: border)
            buffer.write("│", x: rect.maxX - 1, y: y, style: border)
        }
        buffer.write(" \(TextLayout.truncate(title, toWidth: rect.width - 6)) ", x: rect.x + 2, y: rect.y,
                     style: border.adding(.bold))
        return rect.inset(horizontal: 2, vertical: 1)
    }
}
