/// The `?` overlay: every key binding from the binding table, grouped by where it applies,
/// with the reason a binding is unavailable right now.
enum HelpOverlay {
    static func render(_ state: AppState, scroll: Int, theme: Theme, into buffer: inout CellBuffer) {
        let layout = HelpLayout(state: state)
        let title = layout.maxScroll > 0 ? "Key bindings · j/k scroll · Esc closes" : "Key bindings · Esc closes"
        let content = BoxView.render(title: title, in: layout.frame, theme: theme, into: &buffer)

        let first = min(max(0, scroll), layout.maxScroll)
        for (offset, line) in layout.lines.dropFirst(first).prefix(content.height).enumerated() {
            draw(line, at: content.row(offset), theme: theme, into: &buffer)
        }
    }

    private static func draw(_ line: HelpLine, at rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        switch line {
        case .heading(let text):
            let style = onDialog(theme[.header], theme).adding(.bold)
            buffer.write(text, x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
        case .binding(let keys, let text, let isDisabled):
            let keyStyle = theme[isDisabled ? .disabled : .keyHint]
            let keyText = TextLayout.fit(keys, width: HelpLine.keyColumnWidth - 1)
            buffer.write(keyText, x: rect.x, y: rect.y, style: keyStyle)
            buffer.write(text, x: rect.x + HelpLine.keyColumnWidth, y: rect.y,
                         maxWidth: rect.width - HelpLine.keyColumnWidth, style: theme[.dialog])
        case .blank:
            break
        }
    }

    /// `style`'s foreground and attributes on the dialog background. Key hint styles need no
    /// such change, because shipped themes give them the dialog's background.
    private static func onDialog(_ style: CellStyle, _ theme: Theme) -> CellStyle {
        CellStyle(foreground: style.foreground, background: theme[.dialog].background, attributes: style.attributes)
    }
}
