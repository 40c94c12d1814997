/// The `data` of `POST /api/v1/programs/{id}/connect-stripe`.
public struct ConnectStripeResult: Hashable, Sendable, Codable {
    /// True when the program was already connected, in which case there is no `authUrl`.
    public var connected: Bool
    /// Always `oauth_url`, the only method AgentRef offers.
    public var method: String
    public var programId: String
    public var programReadiness: ProgramReadiness?
    /// Stripe's authorize page for the merchant to open in a browser.
    public var authUrl: String?
    public var message: String

    public init(
        connected: Bool,
        method: String = "oauth_url",
        programId: String,
        programReadiness: ProgramReadiness?,
        authUrl: String?,
        message: String
    ) {
        self.connected = connected
        self.method = method
        self.programId = programId
        self.programReadiness = programReadiness
        self.authUrl = authUrl
        self.message = message
    }
}

/// The `data` of `DELETE /api/v1/programs/{id}/connect-stripe`.
public struct DisconnectStripeResult: Hashable, Sendable, Codable {
    public var success: Bool
    public var programId: String

    public init(success: Bool, programId: String) {
        self.success = success
        self.programId = programId
    }
}
