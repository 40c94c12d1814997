import AgentRefTUI

/// A plain-text table for command output, aligned by display width so CJK and emoji in
/// names do not shift columns. Every cell is sanitised, so text from the server cannot
/// send escape sequences to the operator's terminal.
struct TextTable {
    /// One column: its title, whether it is right-aligned (amounts), and the widest it may
    /// grow before longer values are cut with an ellipsis (nil: never cut).
    struct Column {
        var title: String
        var isRightAligned = false
        var maxWidth: Int?

        init(_ title: String, rightAligned: Bool = false, maxWidth: Int? = nil) {
            self.title = title
            self.isRightAligned = rightAligned
            self.maxWidth = maxWidth
        }
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    init(headers: [String]) {
        self.columns = headers.map { Column($0) }
    }

    mutating func append(_ row: [String]) {
        rows.append(zip(row, columns).map { value, column in
            let clean = TextSanitizer.sanitize(value)
            guard let limit = column.maxWidth else { return clean }
            return TextLayout.truncate(clean, toWidth: limit)
        })
    }

    func render() -> String {
        let titles = columns.map(\.title)
        let widths = columns.indices.map { index in
            ([titles] + rows).map { DisplayWidth.of($0[index]) }.max() ?? 0
        }
        return ([titles] + rows).map { row in
            row.indices.map { index in
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(row[index]))
                if columns[index].isRightAligned { return padding + row[index] }
                return index == row.count - 1 ? row[index] : row[index] + padding
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
