/// The selected row of a scrolling list and the first row shown.
struct ListSelection: Hashable, Sendable {
    var index = 0
    /// Index of the first row in view.
    var offset = 0

    /// Moves the selection by `delta` rows within `count` rows and scrolls so that it
    /// stays inside a viewport of `viewport` rows.
    mutating func move(by delta: Int, count: Int, viewport: Int) {
        index += delta
        clamp(count: count, viewport: viewport)
    }

    /// Keeps the selection inside `0..<count` and in view.
    mutating func clamp(count: Int, viewport: Int) {
        index = max(0, min(index, count - 1))
        let rows = max(1, viewport)
        if index < offset { offset = index }
        if index >= offset + rows { offset = index - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }
}
