/// Placement of the help overlay and how far it can scroll.
struct HelpLayout: Hashable, Sendable {
    /// The overlay's frame, centred in the body.
    var frame: Rect
    /// The text area inside the frame.
    var content: Rect
    /// Largest valid scroll offset.
    var maxScroll: Int

    init(body: Rect, lineCount: Int) {
        let width = min(body.width, 96)
        let height = min(body.height, lineCount + 2)
        frame = body.centered(width: width, height: height)
        content = frame.inset(horizontal: 2, vertical: 1)
        maxScroll = max(0, lineCount - content.height)
    }
}
