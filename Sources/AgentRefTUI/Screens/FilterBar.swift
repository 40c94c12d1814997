/// The filter row of a list: what is typed, a cursor while typing, and the match count.
enum FilterBar {
    static func render(_ filter: FilterState, matches: Int, of total: Int, in rect: Rect, theme: Theme,
                       into buffer: inout CellBuffer) {
        let style = theme[.filter]
        buffer.fill(rect, style: style)

        let count = " \(matches) of \(total) "
        let countWidth = DisplayWidth.of(count)
        let cursor = filter.isEditing ? "▏" : ""
        let text = " / \(filter.text)\(cursor)"
        buffer.write(text, x: rect.x, y: rect.y, maxWidth: max(0, rect.width - countWidth - 1), style: style)
        buffer.write(count, x: rect.maxX - countWidth, y: rect.y, style: style)
    }
}
