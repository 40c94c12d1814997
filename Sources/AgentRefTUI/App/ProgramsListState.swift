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

    /// Programs requested per page.
    static let pageSize = 50
}
