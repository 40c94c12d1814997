/// Regions of a screen built around one table (programs list, Stripe events log, live
/// feed): information rows on top, an optional filter row, the table (header row plus
/// rows), optional detail rows about the selected row, and a summary row.
struct ListScreenLayout: Hashable, Sendable {
    var info: Rect
    var filter: Rect?
    var tableHeader: Rect
    var tableRows: Rect
    /// Rows below the table about the selected row; nil when the screen has none or no room.
    var detail: Rect?
    var summary: Rect

    /// - Parameter detailRows: Rows for `detail`, granted only when the table keeps at
    ///   least `minTableRowsWithDetail` rows.
    init(body: Rect, infoRows: Int, showsFilter: Bool, detailRows: Int = 0) {
        let (info, belowInfo) = body.splitTop(infoRows)
        let (aboveSummary, summary) = belowInfo.splitBottom(1)
        var rest = aboveSummary
        if showsFilter {
            let split = rest.splitTop(1)
            filter = split.top
            rest = split.rest
        } else {
            filter = nil
        }
        if detailRows > 0, rest.height - 1 - detailRows >= Self.minTableRowsWithDetail {
            let split = rest.splitBottom(detailRows)
            detail = split.bottom
            rest = split.rest
        } else {
            detail = nil
        }
        let (header, rows) = rest.splitTop(1)

        self.info = info
        self.tableHeader = header
        self.tableRows = rows
        self.summary = summary
    }

    /// Information rows above the feed table: the feed's state and the two totals lines.
    static let feedInfoRows = 3
    /// Information rows above the events table: rejected deliveries and what they mean.
    static let stripeEventsInfoRows = 2
    /// Rows below the events table for the selected event: a rule, its ids and its detail.
    static let stripeEventsDetailRows = 4
    /// Table rows a screen keeps before it gives rows to the detail.
    static let minTableRowsWithDetail = 4

    /// Computes the programs screen's layout in `state`.
    static func programs(_ state: AppState) -> ListScreenLayout {
        ListScreenLayout(body: FrameLayout(state: state).body, infoRows: 0, showsFilter: state.programs.filter.isActive)
    }

    /// Computes the Stripe events log's layout in `state`.
    static func stripeEvents(_ state: AppState) -> ListScreenLayout {
        ListScreenLayout(body: FrameLayout(state: state).body, infoRows: stripeEventsInfoRows, showsFilter: false,
                         detailRows: stripeEventsDetailRows)
    }

    /// Computes the feed screen's layout in `state`.
    static func feed(_ state: AppState) -> ListScreenLayout {
        let showsFilter = state.feed?.filter.isActive ?? false
        return ListScreenLayout(body: FrameLayout(state: state).body, infoRows: feedInfoRows, showsFilter: showsFilter)
    }

    /// Computes the layout of the list on the screen shown: the events log or the feed when
    /// shown, else the programs list.
    static func forScreen(_ state: AppState) -> ListScreenLayout {
        switch state.screen {
        case .stripeEvents: stripeEvents(state)
        case .feed: feed(state)
        default: programs(state)
        }
    }
}
