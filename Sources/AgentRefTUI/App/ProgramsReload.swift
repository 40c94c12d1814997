import AgentRefDomain

/// A reload of the programs list from the first page. Its pages are collected here, and
/// the list on screen stays as it is until the reload has as many programs as the list
/// had, so the selection can stay on the same program.
struct ProgramsReload: Hashable, Sendable {
    /// Programs of the pages reloaded so far, in the server's order.
    private(set) var items: [Program] = []
    /// Programs in the list when the reload started.
    var targetCount: Int

    init(targetCount: Int) {
        self.targetCount = targetCount
    }

    /// Adds a page's programs, skipping any already collected.
    mutating func add(_ page: [Program]) {
        let known = Set(items.map(\.id))
        items += page.filter { !known.contains($0.id) }
    }

    /// Returns true when another page is needed: fewer programs are collected than the list
    /// had, or the selected program is not among them yet. New programs on the server push
    /// the others down, so the search for the selected one goes on for one page beyond
    /// `targetCount`. After that the program counts as gone.
    func needsMorePages(selectedID: String?, serverHasMore: Bool) -> Bool {
        guard serverHasMore else { return false }
        if items.count < targetCount { return true }
        guard let selectedID, !items.contains(where: { $0.id == selectedID }) else { return false }
        return items.count < targetCount + ProgramsListState.pageSize
    }

    /// Programs to ask for in the next page: what is still missing, between one page and
    /// `ProgramsListState.maxPageSize`.
    var nextPageSize: Int {
        min(ProgramsListState.maxPageSize, max(ProgramsListState.pageSize, targetCount - items.count))
    }
}
