/// The terminal operations the dashboard uses. `NCursesTerminal` is the real terminal,
/// and `InMemoryTerminal` replaces it in tests.
///
/// Used from the main thread only.
protocol TerminalBackend: AnyObject {
    var size: TerminalSize { get }
    var colorCapability: ColorCapability { get }

    /// Waits up to `timeoutMilliseconds` for a key or a resize.
    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent?

    /// Shows `buffer`, sending only what changed since the previous frame.
    func draw(_ buffer: CellBuffer)

    /// Writes bytes straight to the terminal, outside the screen drawing, for control
    /// sequences such as OSC 52 that do not move the cursor.
    func writeOutOfBand(_ bytes: [UInt8])

    /// Puts the terminal back the way it was found. Safe to call more than once.
    func restore()

    /// The signal that asked the dashboard to stop (SIGINT, SIGTERM, SIGHUP), or nil.
    var terminationSignal: Int32? { get }
}

/// Input from the terminal.
enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(TerminalSize)
    case mouse(MouseEvent)
}
