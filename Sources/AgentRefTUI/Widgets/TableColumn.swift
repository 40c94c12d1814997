import AgentRefDomain

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
    /// Shorter forms of `text`, tried in order when it does not fit the column.
    var shorterForms: [String] = []
    /// True for amounts: when no form fits, the cell shows `#` marks, as a spreadsheet
    /// does, because an amount with its last digits cut off reads as a smaller amount.
    var isAmount = false

    init(_ text: String, role: ThemeRole? = nil) {
        self.text = text
        self.role = role
    }

    /// Makes a cell for money, which is never cut, with shorter forms for several currencies.
    static func amount(_ text: String, shorterForms: [String] = [], role: ThemeRole? = nil) -> TableCell {
        var cell = TableCell(text, role: role)
        cell.shorterForms = shorterForms
        cell.isAmount = true
        return cell
    }

    /// Returns a cell for per-currency totals: all currencies when they fit, else the first ones
    /// with a count of the rest, such as `USD 217.00 +2`. `first` (the program's own
    /// currency) leads when present; the others follow by currency code.
    static func totals(_ totals: MoneyTotals?, first: CurrencyCode? = nil) -> TableCell {
        guard let totals, !totals.isEmpty else { return TableCell("—") }

        let ordered = totals.sorted.filter { $0.currency == first } + totals.sorted.filter { $0.currency != first }
        let amounts = ordered.map(\.description)
        let shorter = (1..<max(1, amounts.count)).reversed().map { shown in
            amounts.prefix(shown).joined(separator: " · ") + " +\(amounts.count - shown)"
        }
        return .amount(amounts.joined(separator: " · "), shorterForms: shorter)
    }

    /// Returns the text to draw in `width` columns.
    func fitted(width: Int, alignment: TextAlignment) -> String {
        for form in [text] + shorterForms where DisplayWidth.of(form) <= width {
            return TextLayout.fit(form, width: width, alignment: alignment)
        }
        guard isAmount else { return TextLayout.fit(text, width: width, alignment: alignment) }
        return String(repeating: "#", count: max(0, width))
    }
}
