import AgentRefServer

/// The `--stripe-webhook-mode` option of `serve` and `demo`.
enum WebhookModeOption {
    static let name = "stripe-webhook-mode"

    static func spec(defaultMode: StripeWebhookMode) -> OptionSpec {
        OptionSpec(name, value: "MODE", help: """
            Where Stripe sends connected programs' events. account: an endpoint on the merchant's own \
            Stripe account; connect: one platform Connect endpoint for every program; auto: account, or \
            connect when Stripe does not let the read_only grant create it (default \(defaultMode.rawValue)).
            """)
    }

    /// Reads the option, or returns `defaultMode` when it is absent.
    ///
    /// - Throws: `UsageError` naming the invalid value and the valid ones.
    static func parse(_ parsed: ParsedArguments, default defaultMode: StripeWebhookMode, command: String) throws
        -> StripeWebhookMode
    {
        guard let text = parsed.value(name) else { return defaultMode }
        guard let mode = StripeWebhookMode(argument: text) else {
            let valid = StripeWebhookMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("invalid --\(name) \"\(text)\": use one of \(valid)", command: command)
        }
        return mode
    }
}
