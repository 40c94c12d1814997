extension KeyBindings {
    /// Finds the binding `key` triggers in `state`, searching the active contexts in order.
    static func binding(for key: Key, in state: AppState) -> KeyBinding? {
        for context in activeContexts(in: state) {
            if let binding = table.first(where: { $0.contexts.contains(context) && $0.keys.contains(key) }) {
                return binding
            }
        }
        return nil
    }

    /// Bindings for the key hint bar: those of the active contexts marked for the footer,
    /// in table order, each action once. Unusable bindings are shown dimmed, except those
    /// marked `hidesWhenDisabled` (such as `back` with nothing to go back to), which are left out.
    static func footerBindings(in state: AppState) -> [KeyBinding] {
        let contexts = activeContexts(in: state)
        var seen: Set<BindingAction> = []
        return table.filter { binding in
            let applies = binding.isShownInFooter && !binding.contexts.isDisjoint(with: contexts)
            guard applies, !binding.hidesWhenDisabled || binding.disabledReason(state) == nil else { return false }
            return seen.insert(binding.action).inserted
        }
    }

    /// Contexts that receive keys in `state`, most specific first.
    static func activeContexts(in state: AppState) -> [BindingContext] {
        if state.size.isBelowMinimum { return [.tooSmall] }

        switch state.overlay {
        case .help: return [.help, .global]
        case .disconnect(let dialog): return [dialog.phase.isFinished ? .disconnectResult : .disconnectDialog, .global]
        case nil: break
        }

        if isFilterEditing(state) { return [.filterInput] }
        return [screenContext(state.screen), .global]
    }

    static func screenContext(_ screen: Screen) -> BindingContext {
        switch screen {
        case .programs: .programs
        case .stripeSettings: .stripeSettings
        case .connect: .connect
        case .stripeEvents: .stripeEvents
        case .feed: .feed
        }
    }

    static func isFilterEditing(_ state: AppState) -> Bool {
        switch state.screen {
        case .programs: state.programs.filter.isEditing
        case .feed: state.feed?.filter.isEditing ?? false
        default: false
        }
    }
}
