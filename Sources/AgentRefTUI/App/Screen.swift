/// A full-screen view of the dashboard. The dashboard keeps a stack of them: `Esc` pops
/// back to the previous one, and the programs list is always at the bottom.
enum Screen: Hashable, Sendable {
    /// Every program, with Stripe state, conversions today and revenue.
    case programs
    /// Program Settings > Stripe for one program.
    case stripeSettings(programID: String)
    /// The OAuth authorization flow for one program.
    case connect(programID: String)
    /// Every Stripe event the server received for one program, and the deliveries it rejected.
    case stripeEvents(programID: String)
    /// Live conversions of one program, or of every program when `programID` is nil.
    case feed(programID: String?)

    /// The program the screen is about, if any.
    var programID: String? {
        switch self {
        case .programs: nil
        case .stripeSettings(let programID), .connect(let programID), .stripeEvents(let programID): programID
        case .feed(let programID): programID
        }
    }
}

/// Something drawn over the current screen that takes the keys until it closes.
enum Overlay: Hashable, Sendable {
    /// The list of every key binding; `scroll` is the first line shown.
    case help(scroll: Int)
    case disconnect(DisconnectDialogState)
}
