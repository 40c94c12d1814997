import AgentRefClient
import AgentRefDomain
import Foundation

/// Everything that can change `AppState`: input, time, and results of effects.
enum AppAction: Sendable {
    /// The dashboard started: loads the first data and opens Program Settings > Stripe for
    /// `programID` and the live feed when asked.
    case start(programID: String?, opensFeed: Bool)
    case key(Key)
    case resize(TerminalSize)
    /// Time passed; drives polling, spinners and message expiry.
    case tick(Date)
    case programsLoaded(Page<Program>, replacing: Bool)
    case programLoaded(Program)
    case stripeConnectionLoaded(StripeConnection)
    /// A page of `programID`'s Stripe events log; `replacing` for a reload from the newest.
    case stripeEventsLoaded(programID: String, StripeEventLog, replacing: Bool)
    case connectStripeFinished(ConnectStripeResult)
    case disconnectStripeFinished(DisconnectStripeResult)
    /// An update of the feed opened as `generation`.
    case feedUpdated(FeedUpdate, generation: Int)
    case requestFailed(ServiceRequest, AgentRefClientError)
    /// The OSC 52 sequence carrying `characters` characters was written to the terminal.
    case clipboardWritten(characters: Int)
    case urlOpenFinished(URLOpenOutcome)
    /// A mouse click or wheel turn, reported only when the dashboard runs with `--mouse`.
    case mouse(MouseEvent)
}

/// A request to the service, named in failures so the reducer can tell what failed.
enum ServiceRequest: Hashable, Sendable {
    case programs(cursor: String?)
    case program(id: String)
    case stripeConnection(programID: String)
    case stripeEvents(programID: String, cursor: String?)
    case connectStripe(programID: String)
    case disconnectStripe(programID: String)
}

/// Outcome of opening a URL in a browser.
enum URLOpenOutcome: Hashable, Sendable {
    /// The command was started; `command` is its name, such as `xdg-open`.
    case opened(command: String)
    /// Neither `$BROWSER` nor `xdg-open` exists.
    case noOpener
    /// Starting `command` failed with `message`.
    case failed(command: String, message: String)
}
