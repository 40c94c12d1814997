/// Decides which table columns are shown and how wide each is.
enum ColumnLayout {
    /// Columns between two table columns.
    static let gap = 2

    /// Widths of the shown columns, as (column index, width) pairs in column order.
    ///
    /// Columns whose `minTableWidth` exceeds `available` are hidden. If the rest still do
    /// not fit at their minimum widths, columns are dropped from the right, but the first
    /// always stays. Fixed columns then grow towards their content width (capped by
    /// `maxWidth`), left to right, so short values such as a status word are shown whole.
    /// Flexible columns grow next, and what remains goes to them by weight.
    ///
    /// - Parameter contentWidths: The widest cell or title of each column.
    static func widths(minimums: [Int], maximums: [Int?], flexes: [Int], minTableWidths: [Int],
                       contentWidths: [Int], available: Int) -> [(index: Int, width: Int)] {
        var shown = minTableWidths.indices.filter { minTableWidths[$0] <= available }
        while shown.count > 1, totalWidth(shown.map { minimums[$0] }) > available {
            shown.removeLast()
        }

        var widths = shown.map { minimums[$0] }
        var remaining = available - totalWidth(widths)
        for growsFlexible in [false, true] {
            for (position, index) in shown.enumerated() where (flexes[index] > 0) == growsFlexible && remaining > 0 {
                let desired = min(contentWidths[index], maximums[index] ?? Int.max)
                let growth = min(remaining, max(0, desired - widths[position]))
                widths[position] += growth
                remaining -= growth
            }
        }
        distributeFlex(&widths, shown: shown, flexes: flexes, maximums: maximums, remaining: remaining)
        return zip(shown, widths).map { (index: $0, width: $1) }
    }

    /// Width of columns with gaps between them.
    static func totalWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + gap * max(0, widths.count - 1)
    }

    private static func distributeFlex(_ widths: inout [Int], shown: [Int], flexes: [Int], maximums: [Int?],
                                       remaining: Int) {
        var remaining = remaining
        while remaining > 0 {
            let growable = shown.indices.filter { position in
                let index = shown[position]
                return flexes[index] > 0 && widths[position] < (maximums[index] ?? Int.max)
            }
            guard !growable.isEmpty else { return }

            let weight = growable.reduce(0) { $0 + flexes[shown[$1]] }
            var given = 0
            for position in growable {
                let share = max(1, remaining * flexes[shown[position]] / weight)
                let cap = (maximums[shown[position]] ?? Int.max) - widths[position]
                let growth = min(share, cap, remaining - given)
                widths[position] += growth
                given += growth
            }
            guard given > 0 else { return }
            remaining -= given
        }
    }
}
