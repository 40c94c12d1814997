/// The banner shown while the server cannot be reached.
enum OfflineBanner {
    static func render(serverURL: String, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let style = theme[.banner]
        buffer.fill(rect, style: style)
        let text = "OFFLINE: cannot reach \(serverURL); data shown may be old"
        buffer.write(TextLayout.truncate(text, toWidth: rect.width - 2), x: rect.x + 1, y: rect.y, style: style)
    }
}
