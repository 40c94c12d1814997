import AgentRefDomain
import Foundation

/// The programs list: pages loaded so far, selection and filter.
struct ProgramsListState: Hashable, Sendable {
    /// Programs in the server's order, from every page loaded so far.
    var items: [Program] = []
    /// Cursor of the next page; nil when the last page is loaded or nothing is loaded yet.
    var nextCursor: String?
    var hasMore = false
    /// Programs on the server, from the last page's `total`.
    var total: Int?
    /// True while a page request is in flight.
    var isLoading = false
    var lastRequestAt: Date?
    var lastLoadedAt: Date?
    var filter = FilterState()
    var sort = ProgramSort()
    var selection = ListSelection()
    /// Rows the selection still has to move down once more programs load: a move (PgDn,
    /// End) ran past the loaded programs while the server has more. Zero otherwise.
    var pendingMove = 0
    /// A reload from the first page in progress; the list shown stays until it completes.
    var reload: ProgramsReload?

    /// Programs that pass the filter, in the order of `sort`.
    var visibleItems: [Program] {
        sort.sorted(filter.text.isEmpty ? items : items.filter { filter.matches($0.name) })
    }

    /// True when the server has programs that are not loaded yet.
    var hasUnloadedPrograms: Bool {
        hasMore || (total.map { items.count < $0 } ?? false)
    }

    /// The selected program, if the visible list has any.
    var selectedProgram: Program? {
        let visible = visibleItems
        return visible.indices.contains(selection.index) ? visible[selection.index] : nil
    }

    /// True while `G` or End waits for pages to reach the last program.
    var isMovingToEnd: Bool {
        pendingMove >= Self.moveToEnd / 2
    }

    /// Programs requested per page.
    static let pageSize = 50
    /// The largest page requested: this project's server allows a `limit` of 1–100. A
    /// server with a lower cap returns fewer, and the next page follows.
    static let maxPageSize = 100
    /// A move far enough to reach the last program, whatever the list's length.
    static let moveToEnd = Int.max / 2
}
