/// The line above the status line: the latest result or error, marked with a symbol so
/// its kind shows without colour.
enum MessageLine {
    static func render(_ message: StatusMessage?, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        buffer.fill(rect, style: theme[.base])
        guard let message else { return }

        let (symbol, role): (String, ThemeRole) = switch message.kind {
        case .info: ("ℹ", .muted)
        case .success: ("✓", .success)
        case .error: ("✗", .danger)
        }
        let text = TextLayout.truncate("\(symbol) \(message.text)", toWidth: rect.width - 2)
        buffer.write(text, x: rect.x + 1, y: rect.y, style: theme[role])
    }
}
