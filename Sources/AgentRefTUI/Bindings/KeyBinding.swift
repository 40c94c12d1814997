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
    /// True when the key hint bar leaves the binding out while it cannot be used, instead
    /// of showing it dimmed: for keys that only apply in some phases of a screen.
    var hidesWhenDisabled: Bool
    var contexts: Set<BindingContext>
    /// Reason the binding cannot be used in `state`, or nil when it can.
    var disabledReason: @Sendable (AppState) -> String?

    init(
        _ keys: [Key],
        _ action: BindingAction,
        _ description: String,
        hint: String,
        footer: FooterSlot,
        hidesWhenDisabled: Bool = false,
        contexts: Set<BindingContext>,
        disabledReason: @escaping @Sendable (AppState) -> String? = { _ in nil }
    ) {
        self.keys = keys
        self.action = action
        self.description = description
        self.hint = hint
        self.footer = footer
        self.hidesWhenDisabled = hidesWhenDisabled
        self.contexts = contexts
        self.disabledReason = disabledReason
    }

    var isShownInFooter: Bool { footer != .hidden }

    /// The keys as help shows them, for example `k/↑`.
    var keyLabel: String {
        keys.map(\.displayName).joined(separator: "/")
    }
}
