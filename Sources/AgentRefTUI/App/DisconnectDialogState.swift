import AgentRefDomain

/// The disconnect confirmation dialog and, after confirming, its result.
struct DisconnectDialogState: Hashable, Sendable {
    var programID: String
    var programName: String
    /// The program's Stripe status when the dialog opened. A pending program was never
    /// connected, so the dialog promises no webhook removal for it.
    var status: StripeConnectionStatus?
    var phase: Phase = .confirming

    enum Phase: Hashable, Sendable {
        /// Waiting for `y`/Enter or `n`/Esc.
        case confirming
        /// The `DELETE` request is in flight.
        case inProgress
        /// The server confirmed. `cleanup` comes from the connection detail loaded
        /// afterwards; nil until it arrives.
        case succeeded(cleanup: StripeCleanupOutcome?)
        case failed(message: String)

        /// True once the dialog shows a result and only closes.
        var isFinished: Bool {
            switch self {
            case .succeeded, .failed: true
            case .confirming, .inProgress: false
            }
        }
    }

    /// True when the program's authorization was still pending, so Stripe was never connected.
    var wasPending: Bool { status == .pending }
}
