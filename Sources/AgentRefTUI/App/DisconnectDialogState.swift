/// The disconnect confirmation dialog and, after confirming, its result.
struct DisconnectDialogState: Hashable, Sendable {
    var programID: String
    var programName: String
    var phase: Phase = .confirming

    enum Phase: Hashable, Sendable {
        /// Waiting for `y`/Enter or `n`/Esc.
        case confirming
        /// The `DELETE` request is in flight.
        case inProgress
        case succeeded
        case failed(message: String)
    }
}
