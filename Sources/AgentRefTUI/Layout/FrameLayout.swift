/// The regions every screen shares, top to bottom: title bar, offline banner (only while
/// offline), body, message line (two rows for a long message), status line and key hint bar.
struct FrameLayout: Hashable, Sendable {
    var title: Rect
    /// Present only while the server is unreachable.
    var banner: Rect?
    var body: Rect
    var message: Rect
    var status: Rect
    var hints: Rect

    init(size: TerminalSize, showsBanner: Bool, messageRows: Int = 1) {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (title, belowTitle) = screen.splitTop(1)
        let (aboveHints, hints) = belowTitle.splitBottom(1)
        let (aboveStatus, status) = aboveHints.splitBottom(1)
        let (aboveMessage, message) = aboveStatus.splitBottom(messageRows)

        self.title = title
        self.hints = hints
        self.status = status
        self.message = message
        if showsBanner {
            let (banner, body) = aboveMessage.splitTop(1)
            self.banner = banner
            self.body = body
        } else {
            self.banner = nil
            self.body = aboveMessage
        }
    }

    init(state: AppState) {
        let messageRows = MessageLine.rowCount(state.message, width: state.size.width)
        self.init(size: state.size, showsBanner: state.health.isOffline, messageRows: messageRows)
    }
}
