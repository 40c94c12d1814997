import AgentRefDomain

/// A program's Stripe connection detail and whether the server reported it or the
/// client derived it from the program's fields.
public struct StripeConnectionReport: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// The server's extension route `GET /programs/{id}/stripe`.
        case connectionRoute
        /// Built from `stripeAccountId` and `stripeConnectedAt` of `GET /programs/{id}`,
        /// because the server (the hosted API) has no connection route. Webhook fields,
        /// subscribed events and counts are then unknown, not zero.
        case programFields
    }

    public var connection: StripeConnection
    public var source: Source

    public init(connection: StripeConnection, source: Source) {
        self.connection = connection
        self.source = source
    }
}
