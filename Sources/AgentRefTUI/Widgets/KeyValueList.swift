/// Rows of a label and a value, values aligned in one column and wrapped when long.
struct KeyValueList {
    struct Item {
        var label: String
        var value: String
        var role: ThemeRole

        init(_ label: String, _ value: String, role: ThemeRole = .base) {
            self.label = label
            self.value = value
            self.role = role
        }
    }

    /// One laid-out line: the label on the first line of an item, nil on the lines its value wraps to.
    struct Line: Hashable, Sendable {
        var label: String?
        var text: String
        var role: ThemeRole
    }

    var items: [Item]

    /// Columns of the label column at `width`, two of them for the gap before values. Labels
    /// get at most a third of `width`.
    func labelWidth(_ width: Int) -> Int {
        min(items.map { DisplayWidth.of($0.label) }.max() ?? 0, width / 3) + 2
    }

    /// Lays the items out at `width`: one line per wrapped piece of a value, so no value is cut.
    func lines(width: Int) -> [Line] {
        let valueWidth = max(1, width - labelWidth(width))
        return items.flatMap { item in
            TextWrapper.wrap(item.value, width: valueWidth).enumerated().map { index, text in
                Line(label: index == 0 ? item.label : nil, text: text, role: item.role)
            }
        }
    }

    /// Draws `line` at `row`, the label in the `muted` style and the value after the label column.
    static func draw(_ line: Line, labelWidth: Int, at row: Rect, theme: Theme, into buffer: inout CellBuffer) {
        if let label = line.label {
            buffer.write(TextLayout.truncate(label, toWidth: labelWidth - 2), x: row.x, y: row.y, style: theme[.muted])
        }
        buffer.write(line.text, x: row.x + labelWidth, y: row.y, maxWidth: row.width - labelWidth,
                     style: theme[line.role])
    }
}
