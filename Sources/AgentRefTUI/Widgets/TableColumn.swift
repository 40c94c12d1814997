/// One column of a `TableView`, declared as data.
struct TableColumn<Row>: Sendable {
    var title: String
    var alignment: TextAlignment
    /// Columns the column always gets while shown.
    var minWidth: Int
    /// Columns it never grows beyond; nil for no limit.
    var maxWidth: Int?
    /// Share of the width left over after every column has its content width; 0 keeps
    /// the column at its content width.
    var flex: Int
    /// The column is shown only when the table is at least this wide.
    var minTableWidth: Int
    /// The text and style role of the column's cell in `row`.
    var cell: @Sendable (Row) -> TableCell

    init(
        _ title: String,
        alignment: TextAlignment = .left,
        minWidth: Int,
        maxWidth: Int? = nil,
        flex: Int = 0,
        shownFromWidth minTableWidth: Int = 0,
        cell: @escaping @Sendable (Row) -> TableCell
    ) {
        self.title = title
        self.alignment = alignment
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.flex = flex
        self.minTableWidth = minTableWidth
        self.cell = cell
    }
}

/// The content of one table cell.
struct TableCell: Hashable, Sendable {
    var text: String
    /// Style of the text; nil uses the row's style.
    var role: ThemeRole?

    init(_ text: String, role: ThemeRole? = nil) {
        self.text = text
        self.role = role
    }
}
