/// Metadata keys for log records, kept in one place so a fact is always logged under the
/// same name and can be searched for.
public struct LogKey: Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let error: LogKey = "error"
    public static let programID: LogKey = "program_id"
    public static let accountID: LogKey = "account_id"
    public static let eventID: LogKey = "event_id"
    public static let eventType: LogKey = "event_type"
    public static let endpointID: LogKey = "endpoint_id"
    public static let conversionID: LogKey = "conversion_id"
    public static let affiliateID: LogKey = "affiliate_id"
    public static let requestID: LogKey = "request_id"
    public static let method: LogKey = "method"
    public static let path: LogKey = "path"
    public static let status: LogKey = "status"
    public static let url: LogKey = "url"
    public static let port: LogKey = "port"
    public static let attempt: LogKey = "attempt"
    public static let delay: LogKey = "delay_ms"
    public static let duration: LogKey = "duration_ms"
    public static let reason: LogKey = "reason"
    public static let outcome: LogKey = "outcome"
    public static let key: LogKey = "key"
    public static let dataDirectory: LogKey = "data_dir"
    public static let count: LogKey = "count"
    public static let scenario: LogKey = "scenario"
}
