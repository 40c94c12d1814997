import AgentRefLog
import Foundation

/// Start-up settings of `runDashboard`.
public struct DashboardOptions: Sendable {
    /// A theme name, looked up in the theme folders and then among the built-in themes, or
    /// a path to a theme file. Nil selects `default`, or `monochrome` when `NO_COLOR` is set.
    public var themeName: String?
    /// Program whose Program Settings > Stripe opens at start; nil starts on the list.
    public var programID: String?
    /// Open the live feed at start: of `programID` when set, else of every program.
    public var opensFeedAtStart: Bool
    /// Take mouse input: a click selects a row or acts as a key hint, the wheel scrolls.
    /// Off by default, because capturing the mouse stops the terminal from selecting text
    /// such as the authorization URL, except while Shift is held in most terminals.
    public var enablesMouse: Bool
    /// Logger for the dashboard's records, which never go to the screen.
    public var log: Logger
    /// Read for `NO_COLOR`, `BROWSER`, `PATH` and `AGENTREF_THEMES_DIR`.
    public var environment: [String: String]

    public init(
        themeName: String? = nil,
        programID: String? = nil,
        opensFeedAtStart: Bool = false,
        enablesMouse: Bool = false,
        log: Logger = .silent,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.themeName = themeName
        self.programID = programID
        self.opensFeedAtStart = opensFeedAtStart
        self.enablesMouse = enablesMouse
        self.log = log
        self.environment = environment
    }
}
