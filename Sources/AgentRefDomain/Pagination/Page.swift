/// One page of a list endpoint, with AgentRef's list `meta`.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Items in the whole list.
    public var total: Int
    public var page: Int
    public var pageSize: Int
    public var hasMore: Bool
    /// Pass as `cursor` to get the next page; nil on the last page.
    public var nextCursor: String?

    public init(items: [Item], total: Int, page: Int, pageSize: Int, hasMore: Bool, nextCursor: String?) {
        self.items = items
        self.total = total
        self.page = page
        self.pageSize = pageSize
        self.hasMore = hasMore
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}
