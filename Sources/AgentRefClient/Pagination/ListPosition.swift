import AgentRefDomain

/// Which page of a list to request: by opaque `cursor`, or by 1-based `page` number.
///
/// AgentRef's lists take `cursor` + `limit` and `page` + `pageSize`; the page size is
/// `limit` in both cases and the API allows 1 to 100.
public struct ListPosition: Hashable, Sendable {
    public var cursor: String?
    public var page: Int?
    public var limit: Int

    /// The first page.
    public static func first(limit: Int) -> ListPosition {
        ListPosition(cursor: nil, page: nil, limit: limit)
    }

    public static func cursor(_ cursor: String?, limit: Int) -> ListPosition {
        ListPosition(cursor: cursor, page: nil, limit: limit)
    }

    public static func page(_ page: Int, pageSize: Int) -> ListPosition {
        ListPosition(cursor: nil, page: page, limit: pageSize)
    }

    /// The position after `current`: by its `nextCursor` when the server sent one, else by
    /// page number when `hasMore` is set (the hosted API may page by number only), else nil.
    public static func next<Item>(after current: Page<Item>, requested: ListPosition) -> ListPosition? {
        if let cursor = current.nextCursor, !cursor.isEmpty, cursor != requested.cursor {
            return .cursor(cursor, limit: requested.limit)
        }
        guard current.hasMore, !current.items.isEmpty else { return nil }
        return .page(max(current.page, requested.page ?? 1) + 1, pageSize: requested.limit)
    }

    /// Query parameters for the request: `cursor`+`limit`, or `page`+`pageSize`.
    var queryItems: [(name: String, value: String?)] {
        if let page {
            return [("page", String(page)), ("pageSize", String(limit))]
        }
        return [("cursor", cursor), ("limit", String(limit))]
    }
}
