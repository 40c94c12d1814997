/// Regions of a screen built around one table (programs list, live feed): information
/// rows on top, an optional filter row, the table (header row plus rows) and a summary row.
struct ListScreenLayout: Hashable, Sendable {
    var info: Rect
    var filter: Rect?
    var tableHeader: Rect
    var tableRows: Rect
    var summary: Rect

    init(body: Rect, infoRows: Int, showsFilter: Bool) {
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
        let (header, rows) = rest.splitTop(1)

        self.info = info
        self.tableHeader = header
        self.tableRows = rows
        self.summary = summary
    }

    /// Information rows above the feed table: the feed's state and the two totals lines.
    static let feedInfoRows = 3

    /// Computes the programs screen's layout in `state`.
    static func programs(_ state: AppState) -> ListScreenLayout {
        ListScreenLayout(body: FrameLayout(state: state).body, infoRows: 0, showsFilter: state.programs.filter.isActive)
    }

    /// Computes the feed screen's layout in `state`.
    static func feed(_ state: AppState) -> ListScreenLayout {
        let showsFilter = state.feed?.filter.isActive ?? false
        return ListScreenLayout(body: FrameLayout(state: state).body, infoRows: feedInfoRows, showsFilter: showsFilter)
    }
}
