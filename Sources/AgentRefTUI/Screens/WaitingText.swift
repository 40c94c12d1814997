/// The text of the connect screen while it waits for authorization, at one width.
struct WaitingText {
    enum Density {
        /// Blank lines between parts.
        case roomy
        /// No blank lines, for short terminals.
        case compact
    }

    var flow: ConnectFlowState
    var state: AppState
    var url: String
    var width: Int
    var density: Density

    /// Returns every line. The server's message about the pending authorization, such as
    /// the merchant denying access, follows the status. With `includingURL`, the
    /// instruction and the URL come next, and the URL is broken over as many lines as it
    /// needs. Without it, a note that the terminal is too narrow takes their place.
    func lines(includingURL: Bool) -> [(String, ThemeRole)] {
        var lines = wrapped(status, .warning)
        if let error = flow.pendingError {
            lines += wrapped(error, .danger)
        }
        lines += blank
        if includingURL {
            lines += wrapped(instruction, .base)
            lines += TextWrapper.breakByWidth(url, width: width).map { ($0, ThemeRole.accent) }
        } else {
            lines += wrapped(tooNarrowNote, .warning)
        }
        lines += blank + wrapped(keys, .muted)
        if let notice = flow.notice {
            lines += wrapped(notice, .base)
        }
        return lines
    }

    /// Returns lines stating that the QR code needs more room than the terminal has.
    func qrNote(_ size: TerminalSize) -> [(String, ThemeRole)] {
        let note = "The QR code needs \(size.width)×\(size.height) cells; enlarge the terminal to show it."
        return blank + wrapped(note, .muted)
    }

    private var status: String {
        let elapsed = state.now.timeIntervalSince(flow.startedAt)
        let interval = Int(RefreshSchedule.connectPollInterval)
        return "\(Spinner.frame(elapsed: elapsed)) Waiting for authorization… \(Spinner.elapsedText(elapsed)) "
            + "(checks every \(interval) s)"
    }

    private var instruction: String {
        "Open this URL in a browser and approve access for \(state.programName(flow.programID)):"
    }

    private var keys: String {
        density == .roomy
            ? "y copies the URL · o opens it in a browser · Esc leaves this screen "
                + "(the authorization stays pending on the server)"
            : "y copy · o open · Esc leave (stays pending)"
    }

    private var tooNarrowNote: String {
        let needed = TextWrapper.breakByWidth(url, width: width).count
        return "The URL needs \(needed) lines at this width, more than fit. Widen the terminal to see it whole; "
            + "y copies it and o opens it all the same."
    }

    private var blank: [(String, ThemeRole)] {
        density == .roomy ? [("", .base)] : []
    }

    private func wrapped(_ text: String, _ role: ThemeRole) -> [(String, ThemeRole)] {
        ConnectScreen.wrapped(text, role, width)
    }
}
