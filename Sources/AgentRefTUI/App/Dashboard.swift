import AgentRefClient
import Foundation

/// Runs the terminal dashboard against `service` until the operator quits.
///
/// The theme is loaded before the terminal is touched, so a bad theme fails with the
/// terminal untouched. The terminal is restored on every exit path: `q`, Ctrl-C,
/// SIGINT, SIGTERM and SIGHUP.
///
/// - Returns: The process exit code: 0 after `q` or Ctrl-C, 128 plus the signal number
///   after a termination signal.
/// - Throws: `ThemeError` for an unknown or invalid theme. `DashboardError` when standard
///   input or output is not a terminal, or the terminal cannot be set up.
public func runDashboard(service: any AgentRefService, options: DashboardOptions) throws -> Int32 {
    let catalog = ThemeCatalog.standard(environment: options.environment)
    let log = options.log.scoped("dashboard")
    // Fails early on a bad theme; the final choice below also depends on the terminal.
    _ = try catalog.resolve(requestedName: options.themeName, environment: options.environment, capability: .palette256)

    let terminal = try NCursesTerminal(enablesMouse: options.enablesMouse)
    let theme: Theme
    do {
        theme = try catalog.resolve(
            requestedName: options.themeName,
            environment: options.environment,
            capability: terminal.colorCapability
        )
    } catch {
        terminal.restore()
        throw error
    }

    let controller = DashboardController(
        service: service,
        terminal: terminal,
        theme: theme,
        log: log,
        opener: URLOpener(environment: options.environment),
        enablesMouse: options.enablesMouse
    )
    return controller.run(programID: options.programID, opensFeed: options.opensFeedAtStart)
}
