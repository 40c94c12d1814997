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

    var items: [Item]

    /// Draws the items from the top of `rect`. When they need more rows than `rect` has,
    /// the last row states how many lines are hidden instead of cutting a value silently.
    ///
    /// - Returns: Rows used.
    @discardableResult
    func render(in rect: Rect, theme: Theme, into buffer: inout CellBuffer) -> Int {
        let lines = layoutLines(width: rect.width)
        let shown = lines.count > rect.height ? max(0, rect.height - 1) : lines.count
        let labelWidth = self.labelWidth(rect.width)

        for (offset, line) in lines.prefix(shown).enumerated() {
            let y = rect.y + offset
            if let label = line.label {
                buffer.write(TextLayout.truncate(label, toWidth: labelWidth - 2), x: rect.x, y: y, style: theme[.muted])
            }
            buffer.write(line.text, x: rect.x + labelWidth, y: y, maxWidth: rect.width - labelWidth,
                         style: theme[line.role])
        }
        if shown < lines.count, rect.height > 0 {
            let hidden = "… \(lines.count - shown) more lines; enlarge the terminal to see them"
            buffer.write(TextLayout.truncate(hidden, toWidth: rect.width), x: rect.x, y: rect.y + shown,
                         style: theme[.warning])
            return rect.height
        }
        return shown
    }

    /// Rows needed at `width`.
    func lineCount(width: Int) -> Int {
        layoutLines(width: width).count
    }

    private func labelWidth(_ width: Int) -> Int {
        min(items.map { DisplayWidth.of($0.label) }.max() ?? 0, width / 3) + 2
    }

    private func layoutLines(width: Int) -> [(label: String?, text: String, role: ThemeRole)] {
        let valueWidth = max(1, width - labelWidth(width))
        return items.flatMap { item in
            TextWrapper.wrap(item.value, width: valueWidth).enumerated().map { index, text in
                (label: index == 0 ? item.label : nil, text: text, role: item.role)
            }
        }
    }
}
