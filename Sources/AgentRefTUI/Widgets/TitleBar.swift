/// The top row: where the operator is, as a breadcrumb such as
/// `AgentRef › Northwind Coffee › Settings › Stripe`.
enum TitleBar {
    static func render(_ crumbs: [String], in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let style = theme[.title]
        buffer.fill(rect, style: style)
        buffer.write(" " + crumbs.joined(separator: " › "), x: rect.x, y: rect.y, maxWidth: rect.width - 8, style: style)

        let help = "? help "
        let helpWidth = DisplayWidth.of(help)
        if rect.width > 30 {
            buffer.write(help, x: rect.maxX - helpWidth, y: rect.y, style: style)
        }
    }
}
