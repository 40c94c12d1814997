import StripeSimulator

/// Scenario and replayable fixture names for completion.
enum TriggerScenarioNames {
    static var all: String {
        let fixtures = FixtureCatalog.locateDirectory()
            .flatMap { try? FixtureCatalog(directory: $0) }?
            .fixtures.filter(\.isReplayable).map(\.name) ?? []
        return (SimulatorScenario.allCases.map(\.rawValue) + fixtures).joined(separator: " ")
    }
}
