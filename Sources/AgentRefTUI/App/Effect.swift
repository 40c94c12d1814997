/// Work the reducer requests. `DashboardController` performs it and sends the result back
/// as an `AppAction`.
enum Effect: Hashable, Sendable {
    case loadPrograms(cursor: String?, limit: Int)
    case loadProgram(id: String)
    case loadStripeConnection(programID: String)
    /// Loads a page of the Stripe events log; `cursor` nil reloads from the newest event.
    case loadStripeEvents(programID: String, cursor: String?, limit: Int)
    case connectStripe(programID: String)
    case disconnectStripe(programID: String)
    /// Opens the live feed; its updates come back tagged with `generation`.
    case startFeed(generation: Int, programID: String?, backlog: Int)
    case stopFeed
    /// Copies `text` to the clipboard through the terminal (OSC 52).
    case copyToClipboard(String)
    /// Opens `url` with `$BROWSER` or `xdg-open`.
    case openURL(String)
}
