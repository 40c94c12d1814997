/// The line above the status line: the latest result or error, marked with a symbol so
/// its kind shows without colour. A message too long for one row gets a second; beyond
/// that it is truncated with `…`.
enum MessageLine {
    static let maxRows = 2

    static func render(_ message: StatusMessage?, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        buffer.fill(rect, style: theme[.base])
        guard let message else { return }

        let role: ThemeRole = switch message.kind {
        case .info: .muted
        case .success: .success
        case .error: .danger
        }
        let lines = wrappedLines(message, width: rect.width)
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            buffer.write(line, x: rect.x + 1, y: rect.y + offset, style: theme[role])
        }
    }

    /// Rows the message needs at `width`: 1 or 2.
    static func rowCount(_ message: StatusMessage?, width: Int) -> Int {
        guard let message else { return 1 }
        return wrappedLines(message, width: width).count
    }

    private static func wrappedLines(_ message: StatusMessage, width: Int) -> [String] {
        let symbol = switch message.kind {
        case .info: "ℹ"
        case .success: "✓"
        case .error: "✗"
        }
        let textWidth = max(1, width - 2)
        var lines = TextWrapper.wrap("\(symbol) \(message.text)", width: textWidth)
        if lines.count > maxRows {
            lines = Array(lines.prefix(maxRows))
            lines[maxRows - 1] = TextLayout.truncate(lines[maxRows - 1] + " …", toWidth: textWidth)
        }
        return lines
    }
}
