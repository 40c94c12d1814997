import AgentRefLog

extension LogKey {
    /// An OAuth application's `ca_…` client id.
    static let clientID: LogKey = "client_id"
    /// The last four characters of a token or secret, never the whole value.
    static let tokenLast4: LogKey = "token_last4"
    /// Present when `read_only` grants are refused webhook endpoint writes.
    static let readOnlyRestricted: LogKey = "read_only_restricted"
}
