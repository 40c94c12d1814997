/// Window of a newest-first list to read.
struct ListWindow: Hashable, Sendable {
    enum Start: Hashable, Sendable {
        /// Skip this many items from the newest.
        case offset(Int)
        /// Continue after the item at this store position (from `ListSlice.lastPosition`).
        case after(position: Int64)
    }

    var start: Start
    /// Items to return, at least 1.
    var limit: Int
}

/// One window of a list, with what pagination metadata needs.
struct ListSlice<Item: Sendable>: Sendable {
    var items: [Item]
    /// Items in the whole list.
    var total: Int
    /// Items of the list before the first one returned.
    var itemsBefore: Int
    /// Store position of the last item returned, to continue from.
    var lastPosition: Int64?

    var hasMore: Bool { itemsBefore + items.count < total }

    func map<Other>(_ transform: (Item) throws -> Other) rethrows -> ListSlice<Other> {
        ListSlice<Other>(items: try items.map(transform), total: total, itemsBefore: itemsBefore, lastPosition: lastPosition)
    }
}
