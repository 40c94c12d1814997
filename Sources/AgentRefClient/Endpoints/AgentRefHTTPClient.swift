import AgentRefDomain
import AgentRefLog
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `AgentRefService` over HTTP, for AgentRef's hosted API and this project's server.
///
/// Every request goes through one `RequestPacer`, sends the key as a bearer token, and is
/// retried as `RetryPolicy` describes when it is safe to repeat: GET always, POST only with
/// an `Idempotency-Key`, DELETE never (except after a 429, which the server sends before
/// doing anything). Errors are `AgentRefClientError`; the key never appears in them or in logs.
public final class AgentRefHTTPClient: AgentRefService {
    public let baseURL: URL
    let apiKey: APIKey
    let options: ClientOptions
    let logger: Logger
    let transport: any HTTPTransport
    let pacer: RequestPacer?
    let routes = RouteAvailability()

    /// - Parameters:
    ///   - baseURL: Base URL including `/api/v1`, already normalized.
    ///   - apiKey: Sent as `Authorization: Bearer <key>`.
    public init(baseURL: URL, apiKey: APIKey, options: ClientOptions = ClientOptions(), logger: Logger = .silent) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.options = options
        self.logger = logger.scoped("client")
        self.transport = URLSessionTransport(timeout: options.requestTimeout)
        self.pacer = options.rateLimit.map { limit in
            RequestPacer(limit: limit.limit, window: limit.window, burst: limit.burst, clock: options.clock)
        }
    }

    /// Creates a client from a resolved configuration.
    ///
    /// - Throws: INVALID_CONFIGURATION when the configuration has no API key.
    public convenience init(
        configuration: ClientConfiguration,
        options: ClientOptions = ClientOptions(),
        logger: Logger = .silent
    ) throws {
        self.init(baseURL: configuration.baseURL, apiKey: try configuration.requireAPIKey(), options: options, logger: logger)
    }

    /// Builds the `URLRequest` for `request` with the client's headers.
    func makeURLRequest(_ request: APIRequest, accept: String = "application/json") -> URLRequest {
        var urlRequest = URLRequest(url: request.url(relativeTo: baseURL))
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = options.requestTimeout
        urlRequest.setValue("Bearer \(apiKey.secret)", forHTTPHeaderField: "Authorization")
        urlRequest.setValue(accept, forHTTPHeaderField: "Accept")
        urlRequest.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")

        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let key = request.idempotencyKey {
            urlRequest.setValue(key, forHTTPHeaderField: "Idempotency-Key")
        }
        return urlRequest
    }
}
