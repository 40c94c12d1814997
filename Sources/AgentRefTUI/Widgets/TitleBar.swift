/// The top row: where the operator is, as a breadcrumb such as
/// `AgentRef › Northwind Coffee › Settings › Stripe`.
enum TitleBar {
    static func render(_ crumbs: [String], in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let style = theme[.title]
        buffer.fill(rect, style: style)
        let help = "? help "
        let helpWidth = DisplayWidth.of(help)
        let showsHelp = rect.width > 30
        let available = rect.width - 1 - (showsHelp ? helpWidth + 1 : 0)
        buffer.write(" " + fitting(crumbs, width: available), x: rect.x, y: rect.y, style: style)
        if showsHelp {
            buffer.write(help, x: rect.maxX - helpWidth, y: rect.y, style: style)
        }
    }

    /// Fits the breadcrumb into `width`. Leading crumbs give way to `…` first, because the
    /// last crumbs show where the operator is. What still does not fit is truncated.
    static func fitting(_ crumbs: [String], width: Int) -> String {
        var shown = crumbs
        var text = shown.joined(separator: " › ")
        while DisplayWidth.of(text) > width, shown.count > 1 {
            shown.removeFirst()
            text = (["…"] + shown).joined(separator: " › ")
        }
        return TextLayout.truncate(text, toWidth: width)
    }
}
