/// Placement of the help overlay and how far it can scroll.
struct HelpLayout: Hashable, Sendable {
    /// The overlay's frame, centred in the body.
    var frame: Rect
    /// The text area inside the frame.
    var content: Rect
    /// Largest valid scroll offset.
    var maxScroll: Int
    /// Lines of help text at the content's width.
    var lines: [HelpLine]

    static let maxWidth = 96

    init(state: AppState) {
        let body = FrameLayout(state: state).body
        let width = min(body.width, Self.maxWidth)
        let lines = HelpLine.lines(for: state, width: max(1, width - 4))
        let height = min(body.height, lines.count + 2)

        frame = body.centered(width: width, height: height)
        content = frame.inset(horizontal: 2, vertical: 1)
        maxScroll = max(0, lines.count - content.height)
        self.lines = lines
    }
}
