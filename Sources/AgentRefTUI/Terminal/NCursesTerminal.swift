@preconcurrency import CNCursesW
import Glibc
import Synchronization

/// The terminal, through ncursesw. This is the only file that calls ncurses.
///
/// Sets up the terminal in raw mode without echo, with keypad decoding and the
/// terminal's default colours available as -1, and puts it back on `restore()`. SIGINT,
/// SIGTERM and SIGHUP only set a flag that the main loop reads, so the loop restores the
/// terminal before exiting. On a crash signal the terminal is restored on a best-effort
/// basis before the previous handler runs.
final class NCursesTerminal: TerminalBackend {
    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private var previous: CellBuffer?
    private var colorPairs: [ColorPairKey: Int32] = [:]
    /// Pair numbers by style, because mapping a style to palette indexes searches the
    /// whole palette and a frame has thousands of cells in a few styles.
    private var pairsByStyle: [CellStyle: Int32] = [:]
    private var nextPairNumber: Int32 = 1
    private var isRestored = false
    /// Mouse events that arrived with an earlier one, oldest first.
    private var pendingMouseEvents: [MouseEvent] = []
    private(set) var colorCapability: ColorCapability = .none

    private struct ColorPairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Takes over the terminal on standard input and output.
    ///
    /// - Parameter enablesMouse: Report left-button presses and wheel turns, and read and
    ///   drop every other button event. Off by default, because capturing the mouse stops
    ///   the terminal from selecting text (the URL) unless the operator holds Shift, which
    ///   most terminals support.
    /// - Throws: `DashboardError` when standard input or output is not a terminal or
    ///   ncurses cannot set it up (for example an unknown `TERM`).
    init(enablesMouse: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw DashboardError.notATerminal }

        setlocale(LC_ALL, "")
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screenHandle = newterm(nil, output, input) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw DashboardError.terminalSetupFailed(term: term)
        }
        set_term(screenHandle)
        self.screenHandle = screenHandle
        self.output = output
        window = agentref_stdscr()

        configureInput(enablesMouse: enablesMouse)
        configureColors()
        TerminalSignals.install()
    }

    deinit {
        restore()
    }

    var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    var terminationSignal: Int32? {
        TerminalSignals.received
    }

    private func configureInput(enablesMouse: Bool) {
        raw()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        agentref_set_escdelay(25)
        if enablesMouse {
            // Every button's presses and releases, not only the events used: ncurses blocks
            // in its read after a report outside the mask (see shim.h).
            mousemask(agentref_all_buttons_mask(), nil)
            // Report presses at once instead of waiting to combine them into clicks.
            mouseinterval(0)
        }
    }

    private func configureColors() {
        guard has_colors() else { return }

        start_color()
        use_default_colors()
        colorCapability = agentref_colors() >= 256 ? .palette256 : (agentref_colors() >= 8 ? .ansi8 : .none)
    }

    // MARK: Input

    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        if !pendingMouseEvents.isEmpty { return .mouse(pendingMouseEvents.removeFirst()) }

        wtimeout(window, timeoutMilliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES { return specialKey(Int32(character)) }
        guard result == OK else { return resizeIfSizeChanged() }
        return Self.decode(character).map(TerminalEvent.key)
    }

    /// Catches a resize whose SIGWINCH arrived before ncurses installed its handler (a
    /// terminal resized while the dashboard starts), which ncurses would otherwise miss
    /// until the next resize.
    private func resizeIfSizeChanged() -> TerminalEvent? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard agentref_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 else { return nil }
        guard rows != getmaxy(window) || columns != getmaxx(window) else { return nil }

        resizeterm(rows, columns)
        return .resize(size)
    }

    private func specialKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case agentref_key_resize(): return .resize(size)
        case agentref_key_mouse(): return mouseEvent()
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        default: return nil
        }
    }

    /// Returns the first mouse event the dashboard uses among those ncurses queued for one
    /// `KEY_MOUSE`, and keeps the rest for the next calls. ncurses returns the newest event
    /// first and can queue a press with its release; releases and other buttons are dropped.
    private func mouseEvent() -> TerminalEvent? {
        var queued: [MouseEvent] = []
        var event = MEVENT()
        while getmouse(&event) == OK {
            if let decoded = decode(event) { queued.insert(decoded, at: 0) }
        }
        pendingMouseEvents += queued
        guard !pendingMouseEvents.isEmpty else { return nil }
        return .mouse(pendingMouseEvents.removeFirst())
    }

    private func decode(_ event: MEVENT) -> MouseEvent? {
        let (x, y) = (Int(event.x), Int(event.y))
        if event.bstate & agentref_wheel_up_mask() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if agentref_wheel_down_mask() != 0, event.bstate & agentref_wheel_down_mask() != 0 {
            return MouseEvent(.wheelDown, x: x, y: y)
        }
        if event.bstate & agentref_button1_press_mask() != 0 { return MouseEvent(.press, x: x, y: y) }
        return nil
    }

    /// Decodes a character that is not a special key.
    private static func decode(_ character: wint_t) -> Key? {
        switch character {
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(character) + 96)))
        case 0..<32: return nil
        default: return Unicode.Scalar(character).map { .character(Character($0)) }
        }
    }

    // MARK: Output

    func draw(_ buffer: CellBuffer) {
        let sizeChanged = previous?.size != buffer.size
        if sizeChanged { clearok(window, true) }

        for y in 0..<buffer.height where sizeChanged || previous?.row(y) != buffer.row(y) {
            drawRow(y, of: buffer)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    private func drawRow(_ y: Int, of buffer: CellBuffer) {
        for x in 0..<buffer.width {
            let cell = buffer[x, y]
            guard !cell.isContinuation else { continue }

            // setcchar takes one spacing character and up to four combining ones.
            var characters = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            characters.append(0)
            var pair = pairNumber(for: cell.style)
            var complex = cchar_t()
            setcchar(&complex, characters, attributes(of: cell.style), 0, &pair)
            mvwadd_wch(window, Int32(y), Int32(x), &complex)
        }
    }

    private func attributes(of style: CellStyle) -> attr_t {
        var value = agentref_attr_normal()
        if style.attributes.contains(.bold) { value |= agentref_attr_bold() }
        if style.attributes.contains(.dim) { value |= agentref_attr_dim() }
        if style.attributes.contains(.underline) { value |= agentref_attr_underline() }
        if style.attributes.contains(.reverse) { value |= agentref_attr_reverse() }
        return value
    }

    /// Returns the colour pair for a style, allocated on first use. Returns 0 (default
    /// colours) when colour is off or every pair is taken.
    private func pairNumber(for style: CellStyle) -> Int32 {
        guard colorCapability != .none else { return 0 }
        if let pair = pairsByStyle[style] { return pair }

        let pair = allocatePair(for: style)
        pairsByStyle[style] = pair
        return pair
    }

    private func allocatePair(for style: CellStyle) -> Int32 {
        let (foreground, background) = ColorPalette.indexes(for: style, capability: colorCapability)
        let key = ColorPairKey(foreground: foreground, background: background)
        if key == ColorPairKey(foreground: -1, background: -1) { return 0 }
        if let pair = colorPairs[key] { return pair }
        guard nextPairNumber < agentref_color_pairs() else { return 0 }

        let pair = nextPairNumber
        init_extended_pair(pair, foreground, background)
        colorPairs[key] = pair
        nextPairNumber += 1
        return pair
    }

    func writeOutOfBand(_ bytes: [UInt8]) {
        fflush(output)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    func restore() {
        guard !isRestored else { return }

        isRestored = true
        curs_set(1)
        endwin()
        fflush(output)
        delscreen(screenHandle)
        TerminalSignals.uninstall()
    }
}

/// Signal handling for the terminal's lifetime.
private enum TerminalSignals {
    /// Signals that request a stop. The main loop reads the flag they set and exits cleanly.
    static let termination: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals of a crash; the terminal is restored before the previous handler runs.
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static let receivedSignal = Atomic<Int32>(0)

    /// Handlers in place before `install()`, indexed by signal number; written only while
    /// no handler of ours is installed, read only by the crash handler.
    nonisolated(unsafe) static var previousActions = Array(repeating: sigaction(), count: 65)

    static var received: Int32? {
        let value = receivedSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    static func install() {
        for signal in termination + crash {
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            if termination.contains(signal) {
                action.__sigaction_handler.sa_handler = recordTermination
            } else {
                action.__sigaction_handler.sa_handler = restoreOnCrash
            }
            sigaction(signal, &action, &previousActions[Int(signal)])
        }
    }

    static func uninstall() {
        for signal in termination + crash {
            sigaction(signal, &previousActions[Int(signal)], nil)
        }
    }
}

private func recordTermination(_ signal: Int32) {
    TerminalSignals.receivedSignal.store(signal, ordering: .relaxed)
}

/// Leaves curses mode, reinstates the previous handler and returns, so the faulting
/// instruction runs again (or the raised signal is delivered) under that handler.
/// NOTE: endwin is not async-signal-safe; this is a last attempt to leave a usable
/// terminal behind a crash, not a guarantee.
private func restoreOnCrash(_ signal: Int32) {
    endwin()
    sigaction(signal, &TerminalSignals.previousActions[Int(signal)], nil)
    if signal == SIGABRT || signal == SIGTRAP {
        raise(signal)
    }
}
