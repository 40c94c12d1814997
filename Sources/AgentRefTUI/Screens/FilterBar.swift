/// The filter row of a list: what is typed, a cursor while typing, and the match count.
/// While the filter is empty and being typed, `usage` names what can be typed.
enum FilterBar {
    static func render(_ filter: FilterState, matches: Int, of total: Int, in rect: Rect, theme: Theme,
                       into buffer: inout CellBuffer, usage: String? = nil) {
        let style = theme[.filter]
        buffer.fill(rect, style: style)

        let count = " \(matches) of \(total) "
        let countWidth = DisplayWidth.of(count)
        let cursor = filter.isEditing ? "▏" : ""
        let text = " / \(filter.text)\(cursor)"
        let textWidth = max(0, rect.width - countWidth - 1)
        let used = buffer.write(text, x: rect.x, y: rect.y, maxWidth: textWidth, style: style)
        if let usage, filter.isEditing, filter.text.isEmpty, textWidth - used > 3 {
            buffer.write(TextLayout.truncate(usage, toWidth: textWidth - used - 1), x: rect.x + used + 1, y: rect.y,
                         style: style.adding(.dim))
        }
        buffer.write(count, x: rect.maxX - countWidth, y: rect.y, style: style)
    }
}
