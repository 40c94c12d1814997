/// A text filter typed after `/`.
struct FilterState: Hashable, Sendable {
    var text = ""
    /// True while keys go into `text`; Enter keeps the filter and ends typing.
    var isEditing = false

    /// True when the filter affects the list or takes keys.
    var isActive: Bool { isEditing || !text.isEmpty }

    /// True when `candidate` contains the filter text, ignoring case; any candidate matches
    /// an empty filter.
    func matches(_ candidates: String...) -> Bool {
        guard !text.isEmpty else { return true }
        return candidates.contains { TextSanitizer.sanitize($0).localizedCaseInsensitiveContains(text) }
    }
}
