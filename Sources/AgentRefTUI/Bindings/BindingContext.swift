/// Part of the dashboard where a key binding applies. The dashboard searches the active
/// contexts in order, so a dialog's bindings win over the screen's, and the screen's over
/// global ones.
enum BindingContext: String, Hashable, Sendable, CaseIterable {
    case global
    case programs
    case stripeSettings
    case connect
    case stripeEvents
    case feed
    /// Typing a filter after `/`; other printable keys go into the filter text.
    case filterInput
    case disconnectDialog
    /// The disconnect dialog showing its result, which only closes.
    case disconnectResult
    case help
    /// The terminal is below the minimum size.
    case tooSmall

    /// Heading in the help overlay.
    var title: String {
        switch self {
        case .global: "Everywhere"
        case .programs: "Programs"
        case .stripeSettings: "Program Settings > Stripe"
        case .connect: "Connect Stripe"
        case .stripeEvents: "Stripe events log"
        case .feed: "Live feed"
        case .filterInput: "Typing a filter"
        case .disconnectDialog: "Disconnect dialog"
        case .disconnectResult: "Disconnect result"
        case .help: "Help"
        case .tooSmall: "Terminal too small"
        }
    }
}
