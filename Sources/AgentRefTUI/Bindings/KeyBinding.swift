/// One row of the key binding table.
struct KeyBinding: Sendable {
    /// Keys that trigger the action; the first is the one the key hint bar shows.
    var keys: [Key]
    var action: BindingAction
    /// Sentence for the help overlay.
    var description: String
    /// Short label for the key hint bar, such as `filter`.
    var hint: String
    var footer: FooterSlot
    var contexts: Set<BindingContext>
    /// Reason the binding cannot be used in `state`, or nil when it can.
    var disabledReason: @Sendable (AppState) -> String?

    init(
        _ keys: [Key],
        _ action: BindingAction,
        _ description: String,
        hint: String,
        footer: FooterSlot,
        contexts: Set<BindingContext>,
        disabledReason: @escaping @Sendable (AppState) -> String? = { _ in nil }
    ) {
        self.keys = keys
        self.action = action
        self.description = description
        self.hint = hint
        self.footer = footer
        self.contexts = contexts
        self.disabledReason = disabledReason
    }

    var isShownInFooter: Bool { footer != .hidden }

    /// The keys as help shows them, for example `k/↑`.
    var keyLabel: String {
        keys.map(\.displayName).joined(separator: "/")
    }
}
