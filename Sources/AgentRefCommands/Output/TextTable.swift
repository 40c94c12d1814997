import AgentRefTUI

/// A plain-text table for command output, aligned by display width so CJK and emoji in
/// names do not shift columns. Every cell is sanitised, so text from the server cannot
/// send escape sequences to the operator's terminal.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [String]) {
        rows.append(row.map(TextSanitizer.sanitize))
    }

    func render() -> String {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        return ([headers] + rows).map { row in
            row.indices.map { column in
                let padding = column == row.count - 1 ? 0 : widths[column] - DisplayWidth.of(row[column])
                return row[column] + String(repeating: " ", count: padding)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
