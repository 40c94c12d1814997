/// A row of block characters, one per value, whose heights follow the values.
enum Sparkline {
    /// Bar heights from lowest to highest.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws one character per value: `▁` for zero, else a bar scaled so that the largest
    /// value gets `█` and every value above zero rises above `▁`.
    static func text(_ values: [Int]) -> String {
        let peak = values.max() ?? 0
        guard peak > 0 else { return String(repeating: levels[0], count: values.count) }

        let steps = levels.count - 1
        return String(values.map { value -> Character in
            guard value > 0 else { return levels[0] }
            let level = 1 + (max(0, value) - 1) * (steps - 1) / max(1, peak - 1)
            return levels[min(steps, peak == 1 ? steps : level)]
        })
    }
}
