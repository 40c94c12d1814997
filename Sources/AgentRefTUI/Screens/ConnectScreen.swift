import Foundation

/// The connect flow: the authorization URL in full, a QR code when there is room, and
/// the wait for Stripe to confirm.
enum ConnectScreen {
    static func crumbs(_ state: AppState, programID: String) -> [String] {
        ["AgentRef", state.programName(programID), "Connect Stripe"]
    }

    static func render(_ state: AppState, theme: Theme, into buffer: inout CellBuffer) {
        guard let flow = state.connect else { return }

        let body = FrameLayout(state: state).body.inset(horizontal: 1, vertical: 0)
        switch flow.phase {
        case .waiting(let url):
            renderWaiting(flow, url: url, state: state, in: body, theme: theme, into: &buffer)
        default:
            let (_, content) = body.splitTop(1)
            renderParagraphs(paragraphs(flow, state: state), in: content, theme: theme, into: &buffer)
        }
    }

    /// Returns the text of every phase except waiting, as paragraphs with roles.
    private static func paragraphs(_ flow: ConnectFlowState, state: AppState) -> [(String, ThemeRole)] {
        let name = state.programName(flow.programID)
        let elapsed = state.now.timeIntervalSince(flow.startedAt)
        switch flow.phase {
        case .requesting:
            let spinner = Spinner.frame(elapsed: elapsed)
            return [("\(spinner) Requesting an authorization URL… \(Spinner.elapsedText(elapsed))", .warning)]
        case .alreadyConnected(let accountID):
            let account = accountID.map { " (account \($0))" } ?? ""
            return [
                ("✓ Stripe is already connected for \(name)\(account), so there is nothing to authorize.", .success),
                ("", .base),
                (flow.serverMessage ?? "", .muted),
                ("To connect another account, press Esc, then d to disconnect and c to connect again.", .base),
            ]
        case .connected(let accountID):
            return [
                ("✓ Connected: Stripe account \(accountID ?? "(id not reported)") is linked to \(name).", .success),
                ("", .base),
                ("New payments on that account are tracked from now on. Esc goes back.", .base),
            ]
        case .failed(let reason):
            return [
                ("✗ Stripe is not connected for \(name).", .danger),
                (reason, .danger),
                ("", .base),
                ("Press c to start a new authorization, or Esc to go back.", .base),
            ]
        case .expired(let expiry):
            let time = TimeText.clock(expiry, in: state.timeZone)
            return [
                ("✗ The authorization link expired at \(time) before the merchant approved access.", .danger),
                ("", .base),
                ("Press c to get a new link, or Esc to go back.", .base),
            ]
        case .waiting:
            return []
        }
    }

    /// Draws the waiting phase in the first layout that shows the whole URL: roomy (blank
    /// lines, full instructions), then compact (no blank lines). When neither fits, the URL
    /// is replaced by a note asking for a wider terminal, never shown in part. The note
    /// about a QR code that does not fit needs no room of its own: it is left out first.
    private static func renderWaiting(_ flow: ConnectFlowState, url: String, state: AppState, in body: Rect,
                                      theme: Theme, into buffer: inout CellBuffer) {
        let qr = QRCode(encoding: url).map(QRCodeView.init)
        let roomy = body.splitTop(1).rest
        let candidates = [(roomy, WaitingText.Density.roomy), (body, .compact)]

        for (area, density) in candidates {
            let placement = QRPlacement(content: area, qrSize: qr?.size)
            let width = placement.textArea.width
            let text = WaitingText(flow: flow, state: state, url: url, width: width, density: density)
            if text.lines(includingURL: true).count <= placement.textArea.height {
                drawWaiting(text, qr: qr, placement: placement, theme: theme, into: &buffer)
                return
            }
        }

        let text = WaitingText(flow: flow, state: state, url: url, width: body.width, density: .compact)
        drawLines(text.lines(includingURL: false), in: body, theme: theme, into: &buffer)
    }

    private static func drawWaiting(_ text: WaitingText, qr: QRCodeView?, placement: QRPlacement, theme: Theme,
                                    into buffer: inout CellBuffer) {
        var lines = text.lines(includingURL: true)
        let origin = placement.qrOrigin(belowTextRows: lines.count + 1)
        if origin == nil, let qr, lines.count + text.qrNote(qr.size).count <= placement.textArea.height {
            lines += text.qrNote(qr.size)
        }

        drawLines(lines, in: placement.textArea, theme: theme, into: &buffer)
        if let qr, let origin {
            qr.render(at: origin, theme: theme, into: &buffer)
        }
    }

    static func wrapped(_ text: String, _ role: ThemeRole, _ width: Int) -> [(String, ThemeRole)] {
        TextWrapper.wrap(text, width: width).map { ($0, role) }
    }

    private static func renderParagraphs(_ paragraphs: [(String, ThemeRole)], in rect: Rect, theme: Theme,
                                         into buffer: inout CellBuffer) {
        let lines = paragraphs.flatMap { text, role in
            text.isEmpty ? [("", role)] : wrapped(text, role, rect.width)
        }
        drawLines(lines, in: rect, theme: theme, into: &buffer)
    }

    static func drawLines(_ lines: [(String, ThemeRole)], in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            buffer.write(line.0, x: rect.x, y: rect.y + offset, maxWidth: rect.width, style: theme[line.1])
        }
    }
}

/// Placement of the connect screen's text and QR code. The code goes to the right of the
/// text when the text keeps at least `minTextWidth` columns, else below the text when
/// enough rows remain, else nowhere.
struct QRPlacement {
    var textArea: Rect
    private var rightOrigin: (x: Int, y: Int)?
    private var belowArea: Rect?
    private var qrSize: TerminalSize?

    static let minTextWidth = 40

    init(content: Rect, qrSize: TerminalSize?) {
        self.qrSize = qrSize
        textArea = content
        guard let qrSize else { return }

        let textWidth = content.width - qrSize.width - 2
        if textWidth >= Self.minTextWidth, qrSize.height <= content.height {
            textArea = Rect(x: content.x, y: content.y, width: textWidth, height: content.height)
            rightOrigin = (content.maxX - qrSize.width, content.y)
        } else if qrSize.width <= content.width, qrSize.height < content.height {
            belowArea = content
        }
    }

    /// True when the code sits to the right of the text.
    var isBesideText: Bool { rightOrigin != nil }

    /// Returns the code's top-left corner once the text took `rows` rows, or nil when it no longer fits.
    func qrOrigin(belowTextRows rows: Int) -> (x: Int, y: Int)? {
        if let rightOrigin { return rightOrigin }
        guard let belowArea, let qrSize, rows + qrSize.height <= belowArea.height else { return nil }
        return (belowArea.x, belowArea.y + rows)
    }
}
