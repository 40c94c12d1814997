/// What `GET /api/v1/me` reports about the API key in use.
public struct KeyInfo: Hashable, Sendable, Codable {
    /// `merchant` for keys that manage programs.
    public var keyType: String?
    /// `live` or `test`.
    public var mode: String?
    public var keyLast4: String?
    public var merchantId: String?
    public var companyName: String?

    public init(keyType: String?, mode: String?, keyLast4: String?, merchantId: String?, companyName: String?) {
        self.keyType = keyType
        self.mode = mode
        self.keyLast4 = keyLast4
        self.merchantId = merchantId
        self.companyName = companyName
    }
}
