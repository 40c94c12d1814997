import AgentRefDomain
import Foundation

/// Everything the dashboard shows. Rendering is a pure function of this state, and only
/// `AppReducer` changes it.
struct AppState: Equatable, Sendable {
    var size: TerminalSize
    /// The time of the latest tick; the reducer never reads the clock itself.
    var now: Date
    /// Zone for times on screen.
    var timeZone: TimeZone
    /// The API base URL, for the status line.
    var serverURL: String
    /// Screens from the bottom (always the programs list) to the one shown.
    var stack: [Screen] = [.programs]
    var overlay: Overlay?
    var programs = ProgramsListState()
    /// Every program seen, by id, from list pages and single loads.
    var knownPrograms: [String: Program] = [:]
    /// Stripe connection detail by program id.
    var stripe: [String: StripeDetailState] = [:]
    /// First line shown of Program Settings > Stripe, scrolled with `j`/`k`.
    var settingsScroll = 0
    /// Stripe events logs by program id.
    var eventLogs: [String: StripeEventsState] = [:]
    var connect: ConnectFlowState?
    var feed: FeedState?
    /// Incremented for each feed opened.
    var feedGeneration = 0
    var health = APIHealth()
    var message: StatusMessage?
    /// Set by `q`; the controller stops after the frame that set it.
    var isQuitting = false
    /// True when the terminal reports mouse clicks and wheel turns (`--mouse`).
    var isMouseEnabled = false

    init(size: TerminalSize, now: Date, timeZone: TimeZone, serverURL: String) {
        self.size = size
        self.now = now
        self.timeZone = timeZone
        self.serverURL = serverURL
    }

    /// The screen shown.
    var screen: Screen { stack.last ?? .programs }

    /// Returns the name of program `id`, or the id while the program is not loaded.
    func programName(_ id: String) -> String {
        knownPrograms[id]?.name ?? id
    }

    /// Returns the best known Stripe status of program `id`: the detail's when loaded, else
    /// the list's field.
    func stripeStatus(of id: String) -> StripeConnectionStatus? {
        stripe[id]?.connection?.status ?? knownPrograms[id]?.effectiveStripeStatus
    }

    /// The program that `c`, `d` and `s` act on: the selected one in the list, else the
    /// program of the screen shown.
    var targetProgramID: String? {
        switch screen {
        case .programs: programs.selectedProgram?.id
        default: screen.programID
        }
    }
}
