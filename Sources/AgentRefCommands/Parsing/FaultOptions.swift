import Foundation
import ServiceKit

/// The `--faults` and `--fault-seed` options of `serve` and `stripe-sim`, with their
/// environment variables, which make a server fail on purpose so clients can be tested.
struct FaultOptions {
    /// Environment variable read when `--faults` is not given.
    let variable: String
    /// Environment variable read when `--fault-seed` is not given.
    let seedVariable: String

    static let server = FaultOptions(variable: "AGENTREF_FAULTS", seedVariable: "AGENTREF_FAULT_SEED")
    static let simulator = FaultOptions(variable: "STRIPE_SIM_FAULTS", seedVariable: "STRIPE_SIM_FAULT_SEED")

    var specs: [OptionSpec] {
        [
            OptionSpec("faults", value: "SPEC", help: """
                Inject faults into API responses (default $\(variable)), such as \
                delay=200ms:0.2,status500:0.1,status429:0.1,drop:0.05: each rule is KIND[=VALUE][:PROBABILITY] \
                with KIND delay=DURATION (ms or s), statusNNN (status429=DURATION sets Retry-After, default 1s) or \
                drop (close the connection; on an event stream, per piece sent).
                """),
            OptionSpec("fault-seed", value: "N", help: """
                Seed of the fault decisions, a whole number, so a run repeats (default $\(seedVariable), else random).
                """),
        ]
    }

    /// Reads the plan and seed from the options, else the environment.
    ///
    /// - Throws: `UsageError` naming the invalid rule or seed.
    func parse(_ parsed: ParsedArguments, environment: [String: String], command: String) throws
        -> (plan: FaultPlan?, seed: UInt64?)
    {
        let specification = parsed.value("faults") ?? environment[variable]
        let seedText = parsed.value("fault-seed") ?? environment[seedVariable]

        var plan: FaultPlan?
        if let specification, !specification.isEmpty {
            do {
                plan = try FaultPlan.parse(specification)
            } catch let error as FaultPlanError {
                throw UsageError("\(error.description) in --faults or $\(variable)", command: command)
            }
        }

        guard let seedText, !seedText.isEmpty else { return (plan, nil) }
        guard let seed = UInt64(seedText) else {
            throw UsageError(
                "invalid fault seed \"\(seedText)\" in --fault-seed or $\(seedVariable): use a whole number from 0",
                command: command
            )
        }
        return (plan, seed)
    }
}
