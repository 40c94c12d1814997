import AgentRefDomain

/// Program Settings > Stripe laid out as lines at the screen's width: the connection detail,
/// then what to do. The screen draws a window of them that `j`/`k` scroll.
struct StripeSettingsContent {
    enum Line: Hashable, Sendable {
        case item(KeyValueList.Line)
        case blank
        case heading(String)
        case text(String)
    }

    var lines: [Line]
    /// Columns of the detail's label column.
    var labelWidth: Int
    /// The rectangle the lines are drawn in: the body below a blank row, one column in from each side.
    var area: Rect

    /// Lays out the screen of `programID`, or returns nil while its connection is not loaded.
    init?(state: AppState, programID: String) {
        guard let connection = state.stripe[programID]?.connection else { return nil }

        area = Self.area(state)
        let list = KeyValueList(items: StripeSettingsScreen.items(connection, state: state))
        labelWidth = list.labelWidth(area.width)
        lines = list.lines(width: area.width).map(Line.item)

        let rejected = state.eventLogs[programID]?.rejectedSignatures ?? [:]
        let hints = StripeSettingsScreen.troubleshootingHints(connection, rejected: rejected)
        if !hints.isEmpty {
            lines += [.blank, .heading("What to do")]
            lines += hints.flatMap { TextWrapper.bullet($0, width: area.width) }.map(Line.text)
        }
    }

    /// Returns the rectangle the lines go in at the size of `state`.
    static func area(_ state: AppState) -> Rect {
        FrameLayout(state: state).body.inset(horizontal: 1, vertical: 0).splitTop(1).rest
    }

    /// True when the lines need more rows than the area has, so the last row shows the scroll position.
    var overflows: Bool { lines.count > area.height }

    /// Rows of lines drawn: all of the area, or all but the scroll position row.
    var windowRows: Int { overflows ? max(0, area.height - 1) : area.height }

    /// Largest first line shown.
    var maxScroll: Int { max(0, lines.count - windowRows) }
}
