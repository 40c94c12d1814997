import StripeSimulator

/// Scenario names for completion and help.
enum TriggerScenarioNames {
    static var all: String {
        SimulatorScenario.allCases.map(\.rawValue).joined(separator: " ")
    }
}
