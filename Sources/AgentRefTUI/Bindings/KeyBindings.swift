/// The one table of key bindings. The key hint bar, the help overlay and the key handler
/// all read it, so they cannot disagree.
enum KeyBindings {
    static let table: [KeyBinding] =
        navigation + programActions + connectActions + feedActions + dialogActions + general

    private static let lists: Set<BindingContext> = [.programs, .feed]

    private static let navigation: [KeyBinding] = [
        KeyBinding([.character("k"), .up], .moveUp, "Move the selection up", hint: "up", footer: false,
                   contexts: lists.union([.help])),
        KeyBinding([.up], .moveUp, "Move the selection up while typing", hint: "up", footer: false,
                   contexts: [.filterInput]),
        KeyBinding([.character("j"), .down], .moveDown, "Move the selection down", hint: "down", footer: false,
                   contexts: lists.union([.help])),
        KeyBinding([.down], .moveDown, "Move the selection down while typing", hint: "down", footer: false,
                   contexts: [.filterInput]),
        KeyBinding([.pageUp], .pageUp, "Move up one page", hint: "page up", footer: false,
                   contexts: lists.union([.help])),
        KeyBinding([.pageDown], .pageDown, "Move down one page", hint: "page down", footer: false,
                   contexts: lists.union([.help])),
        KeyBinding([.character("g"), .home], .moveToTop, "Go to the top (the newest entry in the feed)", hint: "top",
                   footer: false, contexts: lists),
        KeyBinding([.character("G"), .end], .moveToBottom, "Go to the bottom", hint: "bottom", footer: false,
                   contexts: lists),
    ]

    private static let programActions: [KeyBinding] = [
        KeyBinding([.enter], .open, "Open Program Settings > Stripe for the selected program", hint: "open",
                   footer: true, contexts: [.programs], disabledReason: requireSelection),
        KeyBinding([.character("/")], .startFilter, "Filter the list by text (programs by name)", hint: "filter",
                   footer: true, contexts: lists),
        KeyBinding([.enter], .finishFilter, "Keep the filter and go back to the list", hint: "keep", footer: true,
                   contexts: [.filterInput]),
        KeyBinding([.escape], .clearFilter, "Clear the filter", hint: "clear", footer: true, contexts: [.filterInput]),
        KeyBinding([.backspace], .deleteFilterCharacter, "Delete the last character of the filter", hint: "delete",
                   footer: false, contexts: [.filterInput]),
        KeyBinding([.character("s")], .openStripeSettings, "Open Program Settings > Stripe for the selected program",
                   hint: "stripe", footer: true, contexts: [.programs], disabledReason: requireSelection),
        KeyBinding([.character("c")], .connectStripe, "Connect Stripe: get an authorization URL and wait for it",
                   hint: "connect", footer: true, contexts: [.programs, .stripeSettings],
                   disabledReason: requireSelection),
        KeyBinding([.character("d")], .disconnectStripe, "Disconnect Stripe, after a confirmation",
                   hint: "disconnect", footer: true, contexts: [.programs, .stripeSettings],
                   disabledReason: requireConnection),
        KeyBinding([.character("f")], .openFeed,
                   "Open the live conversion feed (all programs from the list, this program from its settings)",
                   hint: "feed", footer: true, contexts: [.programs, .stripeSettings]),
        KeyBinding([.character("r")], .refresh, "Reload the data on screen now", hint: "refresh", footer: true,
                   contexts: [.programs, .stripeSettings]),
    ]

    private static let connectActions: [KeyBinding] = [
        KeyBinding([.character("y")], .copyAuthURL, "Copy the authorization URL to the clipboard (OSC 52)",
                   hint: "copy URL", footer: true, contexts: [.connect], disabledReason: requireAuthURL),
        KeyBinding([.character("o")], .openAuthURL, "Open the authorization URL with $BROWSER or xdg-open",
                   hint: "open URL", footer: true, contexts: [.connect], disabledReason: requireAuthURL),
    ]

    private static let feedActions: [KeyBinding] = [
        KeyBinding([.character("p")], .togglePause, "Pause or resume the feed; arrivals are kept while paused",
                   hint: "pause", footer: true, contexts: [.feed]),
    ]

    private static let dialogActions: [KeyBinding] = [
        KeyBinding([.character("y"), .enter], .confirm, "Confirm", hint: "confirm", footer: true,
                   contexts: [.disconnectDialog], disabledReason: requireConfirmingDialog),
        KeyBinding([.character("n"), .escape], .cancel, "Cancel, or close the dialog after the result",
                   hint: "cancel", footer: true, contexts: [.disconnectDialog]),
        KeyBinding([.escape, .character("?")], .toggleHelp, "Close help", hint: "close", footer: true,
                   contexts: [.help]),
    ]

    private static let general: [KeyBinding] = [
        KeyBinding([.escape], .back, "Clear the filter, or else go back to the previous screen", hint: "back",
                   footer: true, contexts: [.stripeSettings, .connect, .feed, .programs],
                   disabledReason: requireSomethingToLeave),
        KeyBinding([.character("?")], .toggleHelp, "Show every key binding", hint: "help", footer: true,
                   contexts: [.global]),
        KeyBinding([.character("q")], .quit, "Quit the dashboard", hint: "quit", footer: true,
                   contexts: [.global, .tooSmall]),
        KeyBinding([.control("c")], .quit, "Quit the dashboard", hint: "quit", footer: false,
                   contexts: [.global, .tooSmall, .filterInput]),
    ]

    // MARK: Disabled reasons

    private static let requireSelection: @Sendable (AppState) -> String? = { state in
        state.targetProgramID == nil ? "no program is selected" : nil
    }

    private static let requireConnection: @Sendable (AppState) -> String? = { state in
        guard let id = state.targetProgramID else { return "no program is selected" }
        guard state.stripeStatus(of: id) == .disconnected else { return nil }
        return "Stripe is not connected for \(state.programName(id))"
    }

    private static let requireAuthURL: @Sendable (AppState) -> String? = { state in
        guard let connect = state.connect else { return "no authorization is in progress" }
        switch connect.phase {
        case .waiting: return nil
        case .requesting: return "the authorization URL has not arrived yet"
        case .alreadyConnected, .connected: return "Stripe is connected, so there is nothing to authorize"
        case .failed: return "the authorization failed; press Esc, then c to start again"
        }
    }

    private static let requireSomethingToLeave: @Sendable (AppState) -> String? = { state in
        guard state.stack.count == 1, !state.programs.filter.isActive else { return nil }
        return "no filter is set and this is the first screen"
    }

    private static let requireConfirmingDialog: @Sendable (AppState) -> String? = { state in
        guard case .disconnect(let dialog) = state.overlay else { return "no dialog is open" }
        return dialog.phase == .inProgress ? "the disconnect is in progress" : nil
    }
}
