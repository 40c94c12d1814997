import AgentRefDomain

/// Reads a list page after page until it ends or `maxItems` items were read.
enum PageCollector {
    /// Most pages read in one collection, a guard against a server that never says it is done.
    static let maxPages = 1000

    /// - Parameters:
    ///   - pageSize: Items per request, 1 to 100.
    ///   - maxItems: Stop once this many items were read; nil reads the whole list.
    ///   - fetch: Requests one page at the given position.
    static func collect<Item: Sendable>(
        pageSize: Int,
        maxItems: Int?,
        fetch: (ListPosition) async throws -> Page<Item>
    ) async throws -> [Item] {
        var items: [Item] = []
        var position: ListPosition? = .first(limit: pageSize)
        var pagesRead = 0

        while let current = position, pagesRead < maxPages {
            let page = try await fetch(current)
            items.append(contentsOf: page.items)
            pagesRead += 1

            if let maxItems, items.count >= maxItems {
                return Array(items.prefix(maxItems))
            }
            position = ListPosition.next(after: page, requested: current)
        }
        return items
    }
}
