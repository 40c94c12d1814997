/// A table with a header row, a selection marker and columns declared as `TableColumn`s.
struct TableView<Row> {
    var columns: [TableColumn<Row>]
    var rows: [Row]
    /// The selected row and scroll offset; nil for a table without selection.
    var selection: ListSelection?
    /// Style of a whole row when it is not selected, such as refunds; nil uses `base`.
    var rowRole: (Row) -> ThemeRole? = { _ in nil }
    /// The column the rows are sorted by, by title, and the direction; its header gets `↑` or `↓`.
    var sortIndicator: (title: String, isDescending: Bool)?

    /// Columns before the first table column, holding `›` on the selected row, so the
    /// selection shows without colour too.
    static var gutterWidth: Int { 2 }

    /// Draws the header into `header` and as many rows as fit into `body`.
    func render(header: Rect, body: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let available = max(0, header.width - Self.gutterWidth)
        let layout = columnWidths(available: available, firstRow: selection?.offset ?? 0, rowCount: body.height)

        drawHeader(layout, in: header, theme: theme, into: &buffer)
        let offset = selection?.offset ?? 0
        for line in 0..<body.height {
            let rowIndex = offset + line
            guard rows.indices.contains(rowIndex) else { break }
            drawRow(rowIndex, layout, in: body.row(line), theme: theme, into: &buffer)
        }
    }

    private func columnWidths(available: Int, firstRow: Int, rowCount: Int) -> [(index: Int, width: Int)] {
        let shownRows = rows.dropFirst(firstRow).prefix(max(0, rowCount))
        let contentWidths = columns.map { column in
            shownRows.reduce(DisplayWidth.of(headerTitle(column))) { max($0, DisplayWidth.of(column.cell($1).text)) }
        }
        return ColumnLayout.widths(
            minimums: columns.map(\.minWidth),
            maximums: columns.map(\.maxWidth),
            flexes: columns.map(\.flex),
            minTableWidths: columns.map(\.minTableWidth),
            contentWidths: contentWidths,
            available: available
        )
    }

    private func drawHeader(_ layout: [(index: Int, width: Int)], in rect: Rect, theme: Theme,
                            into buffer: inout CellBuffer) {
        let style = theme[.header]
        buffer.fill(rect, style: style)
        var x = rect.x + Self.gutterWidth
        for (index, width) in layout {
            let column = columns[index]
            let title = TextLayout.fit(headerTitle(column), width: width, alignment: column.alignment)
            buffer.write(title, x: x, y: rect.y, style: style)
            x += width + ColumnLayout.gap
        }
    }

    /// The column's title, with the sort direction when the rows are sorted by it.
    private func headerTitle(_ column: TableColumn<Row>) -> String {
        guard let sortIndicator, sortIndicator.title == column.title else { return column.title }
        return column.title + (sortIndicator.isDescending ? " ↓" : " ↑")
    }

    private func drawRow(_ rowIndex: Int, _ layout: [(index: Int, width: Int)], in rect: Rect, theme: Theme,
                         into buffer: inout CellBuffer) {
        let row = rows[rowIndex]
        let isSelected = selection?.index == rowIndex
        let rowStyle = isSelected ? theme[.selection] : theme[rowRole(row) ?? .base]
        buffer.fill(rect, style: rowStyle)
        if isSelected {
            buffer.write("›", x: rect.x, y: rect.y, style: rowStyle)
        }

        var x = rect.x + Self.gutterWidth
        for (index, width) in layout {
            let column = columns[index]
            let cell = column.cell(row)
            let style = isSelected ? rowStyle : cell.role.map { theme[$0] } ?? rowStyle
            let text = cell.fitted(width: width, alignment: column.alignment)
            buffer.write(text, x: x, y: rect.y, style: style)
            x += width + ColumnLayout.gap
        }
    }
}
