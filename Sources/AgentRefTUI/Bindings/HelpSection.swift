/// One context's bindings as the help overlay lists them.
struct HelpSection: Sendable {
    var context: BindingContext
    var bindings: [KeyBinding]

    /// Every context that has bindings, in `BindingContext` order, except `tooSmall`
    /// (help cannot be shown there).
    static func all() -> [HelpSection] {
        BindingContext.allCases.compactMap { context in
            guard context != .tooSmall else { return nil }
            let bindings = KeyBindings.table.filter { $0.contexts.contains(context) }
            return bindings.isEmpty ? nil : HelpSection(context: context, bindings: bindings)
        }
    }

    /// Lines the overlay needs for `sections`: a heading, the bindings and a blank line each.
    static func lineCount(_ sections: [HelpSection]) -> Int {
        sections.reduce(0) { $0 + $1.bindings.count + 2 }
    }
}
