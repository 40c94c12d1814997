/// The one table of key bindings. The key hint bar, the help overlay and the key handler
/// all read it, so they cannot disagree.
enum KeyBindings {
    static let table: [KeyBinding] =
        navigation + programActions + connectActions + feedActions + dialogActions + general

    /// Screens built around one scrolling table.
    private static let lists: Set<BindingContext> = [.programs, .stripeEvents, .feed]
    /// Screens and overlays that move a selection or scroll text.
    private static let scrolling: Set<BindingContext> = lists.union([.stripeSettings, .help])

    private static let navigation: [KeyBinding] = [
        KeyBinding([.character("k"), .up], .moveUp, "Move the selection up, or scroll up", hint: "up", footer: .hidden,
                   contexts: scrolling),
        KeyBinding([.up], .moveUp, "Move the selection up while typing", hint: "up", footer: .hidden,
                   contexts: [.filterInput]),
        KeyBinding([.character("j"), .down], .moveDown, "Move the selection down, or scroll down", hint: "down",
                   footer: .hidden, contexts: scrolling),
        KeyBinding([.down], .moveDown, "Move the selection down while typing", hint: "down", footer: .hidden,
                   contexts: [.filterInput]),
        KeyBinding([.pageUp], .pageUp, "Move up one page", hint: "page up", footer: .hidden, contexts: scrolling),
        KeyBinding([.pageDown], .pageDown, "Move down one page", hint: "page down", footer: .hidden,
                   contexts: scrolling),
        KeyBinding([.character("g"), .home], .moveToTop, "Go to the top (the newest entry in the feed and the log)",
                   hint: "top", footer: .hidden, contexts: scrolling),
        KeyBinding([.character("G"), .end], .moveToBottom, "Go to the bottom, loading every remaining page of programs",
                   hint: "bottom", footer: .hidden, contexts: scrolling),
    ]

    private static let programActions: [KeyBinding] = [
        KeyBinding([.enter], .open, "Open Program Settings > Stripe for the selected program", hint: "open",
                   footer: .primary, contexts: [.programs], disabledReason: requireSelection),
        KeyBinding([.character("/")], .startFilter,
                   "Filter the list: programs by name; the feed by any column, or by one with program:NAME, "
                       + "affiliate:CODE or type:EVENT (words must all match)",
                   hint: "filter", footer: .primary, contexts: [.programs, .feed]),
        KeyBinding([.enter], .finishFilter, "Keep the filter and go back to the list", hint: "keep", footer: .primary,
                   contexts: [.filterInput]),
        KeyBinding([.escape], .clearFilter, "Clear the filter", hint: "clear", footer: .primary,
                   contexts: [.filterInput]),
        KeyBinding([.backspace], .deleteFilterCharacter, "Delete the last character of the filter", hint: "delete",
                   footer: .hidden, contexts: [.filterInput]),
        KeyBinding([.character("o")], .cycleSort,
                   "Sort by the next column: name, status, Stripe (problems first), today, revenue, commission, "
                       + "then the server's order. Revenue and commission compare each program's total in its "
                       + "own currency as a number, without exchange rates. Sorts the programs loaded so far",
                   hint: "sort", footer: .primary, contexts: [.programs]),
        KeyBinding([.character("O")], .reverseSort, "Reverse the sort direction", hint: "reverse", footer: .hidden,
                   contexts: [.programs], disabledReason: requireSortColumn),
        KeyBinding([.character("e")], .openStripeEvents,
                   "Open the Stripe events log: every event received, its outcome, and rejected deliveries",
                   hint: "events", footer: .secondary, contexts: [.programs, .stripeSettings],
                   disabledReason: requireSelection),
        KeyBinding([.character("s")], .openStripeSettings, "Open Program Settings > Stripe for the selected program",
                   hint: "stripe", footer: .secondary, contexts: [.programs], disabledReason: requireSelection),
        KeyBinding([.character("c")], .connectStripe, "Connect Stripe: get an authorization URL and wait for it",
                   hint: "connect", footer: .primary, contexts: [.programs, .stripeSettings],
                   disabledReason: requireSelection),
        KeyBinding([.character("d")], .disconnectStripe, "Disconnect Stripe, after a confirmation",
                   hint: "disconnect", footer: .secondary, contexts: [.programs, .stripeSettings],
                   disabledReason: requireConnection),
        KeyBinding([.character("f")], .openFeed,
                   "Open the live conversion feed (all programs from the list, this program from its settings)",
                   hint: "feed", footer: .primary, contexts: [.programs, .stripeSettings]),
        KeyBinding([.character("r")], .refresh, "Reload the data on screen now", hint: "refresh", footer: .secondary,
                   contexts: [.programs, .stripeSettings, .stripeEvents]),
    ]

    private static let connectActions: [KeyBinding] = [
        KeyBinding([.character("y")], .copyAuthURL, "Copy the authorization URL to the clipboard (OSC 52)",
                   hint: "copy URL", footer: .primary, hidesWhenDisabled: true, contexts: [.connect],
                   disabledReason: requireAuthURL),
        KeyBinding([.character("o")], .openAuthURL, "Open the authorization URL with $BROWSER or xdg-open",
                   hint: "open URL", footer: .primary, hidesWhenDisabled: true, contexts: [.connect],
                   disabledReason: requireAuthURL),
        KeyBinding([.character("c")], .connectStripe,
                   "Start a new authorization with a new URL, after a failed or expired one",
                   hint: "connect again", footer: .primary, hidesWhenDisabled: true, contexts: [.connect],
                   disabledReason: requireFinishedAuthorization),
    ]

    private static let feedActions: [KeyBinding] = [
        KeyBinding([.character("p")], .togglePause,
                   "Pause or resume the feed; arrivals are kept and counted while paused",
                   hint: "pause/resume", footer: .primary, contexts: [.feed]),
    ]

    private static let dialogActions: [KeyBinding] = [
        KeyBinding([.character("y"), .enter], .confirm, "Confirm", hint: "confirm", footer: .always,
                   hidesWhenDisabled: true, contexts: [.disconnectDialog], disabledReason: requireConfirmingDialog),
        KeyBinding([.character("n"), .escape], .cancel, "Cancel, or close the dialog while the disconnect runs",
                   hint: "cancel", footer: .always, contexts: [.disconnectDialog]),
        KeyBinding([.enter, .escape], .cancel, "Close the dialog", hint: "close", footer: .always,
                   contexts: [.disconnectResult]),
        KeyBinding([.escape, .character("?")], .toggleHelp, "Close help", hint: "close", footer: .always,
                   contexts: [.help]),
    ]

    private static let general: [KeyBinding] = [
        KeyBinding([.escape], .back, "Clear the filter, or else go back to the previous screen", hint: "back",
                   footer: .always, hidesWhenDisabled: true,
                   contexts: [.stripeSettings, .connect, .stripeEvents, .feed, .programs],
                   disabledReason: requireSomethingToLeave),
        KeyBinding([.character("?")], .toggleHelp, "Show every key binding", hint: "help", footer: .always,
                   contexts: [.global]),
        KeyBinding([.character("q")], .quit, "Quit the dashboard", hint: "quit", footer: .always,
                   contexts: [.global, .tooSmall]),
        KeyBinding([.control("c")], .quit, "Quit the dashboard", hint: "quit", footer: .hidden,
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

    private static let requireSortColumn: @Sendable (AppState) -> String? = { state in
        state.programs.sort.column == nil ? "the list is in the server's order; press o to sort by a column" : nil
    }

    private static let requireAuthURL: @Sendable (AppState) -> String? = { state in
        guard let connect = state.connect else { return "no authorization is in progress" }
        switch connect.phase {
        case .waiting: return nil
        case .requesting: return "the authorization URL has not arrived yet"
        case .alreadyConnected, .connected: return "Stripe is connected, so there is nothing to authorize"
        case .failed: return "the authorization failed; press c to start again"
        case .expired: return "the authorization link expired; press c for a new one"
        }
    }

    private static let requireFinishedAuthorization: @Sendable (AppState) -> String? = { state in
        guard let connect = state.connect else { return "no authorization is in progress" }
        switch connect.phase {
        case .failed, .expired: return nil
        case .requesting: return "an authorization URL is being requested"
        case .waiting: return "an authorization is waiting; y copies its URL and Esc leaves it pending"
        case .alreadyConnected, .connected: return "Stripe is connected; press Esc, then d to disconnect it first"
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
