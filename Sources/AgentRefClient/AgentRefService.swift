import AgentRefDomain
import Foundation

/// The AgentRef API as the dashboard and the scriptable commands use it.
///
/// `AgentRefHTTPClient` implements it over HTTP; tests of the dashboard may use a fake.
/// Every method throws `AgentRefClientError`.
public protocol AgentRefService: Sendable {
    /// Base URL including `/api/v1`, for the status line.
    var baseURL: URL { get }

    func keyInfo() async throws -> KeyInfo

    /// Fetches one page of programs, in the server's order (newest first on this project's server).
    func programs(cursor: String?, limit: Int) async throws -> Page<Program>

    func program(id: String) async throws -> Program

    func programStats(id: String) async throws -> ProgramStats

    func affiliates(programID: String, cursor: String?, limit: Int) async throws -> Page<Affiliate>

    /// `POST /programs/{id}/connect-stripe` with `{"method":"oauth_url"}`.
    func connectStripe(programID: String) async throws -> ConnectStripeResult

    /// `DELETE /programs/{id}/connect-stripe`; repeating it is harmless.
    func disconnectStripe(programID: String) async throws -> DisconnectStripeResult

    /// Fetches the connection detail from the extension route `GET /programs/{id}/stripe`, or a
    /// detail built from the program's own fields when the server lacks that route (the
    /// hosted service).
    func stripeConnection(programID: String) async throws -> StripeConnection

    /// Fetches one page of the Stripe events the server received for the program, newest
    /// first, with the counts of deliveries rejected for their signature. The route
    /// `GET /programs/{id}/stripe/events` is an extension of this project's server, so the
    /// hosted service returns NOT_FOUND.
    func stripeEventLog(programID: String, cursor: String?, limit: Int) async throws -> StripeEventLog

    /// Fetches one page of conversions, newest first; `programID` nil means every program.
    func conversions(programID: String?, cursor: String?, limit: Int) async throws -> Page<Conversion>

    /// Live feed of conversion changes. It starts with up to `backlog` recent entries, then
    /// delivers new ones as they happen, over the server's event stream when it has one and
    /// by paced polling otherwise. After a network drop or a server restart it reconnects
    /// and resumes after the last entry delivered, so nothing is lost or repeated.
    ///
    /// The stream ends only when the consumer stops iterating; connection trouble is
    /// reported through `FeedUpdate.connection`, never by finishing the stream.
    func conversionFeed(programID: String?, backlog: Int) -> AsyncStream<FeedUpdate>
}

/// What the live feed reports.
public enum FeedUpdate: Sendable, Equatable {
    case entry(ConversionFeedEntry)
    case connection(FeedConnectionState)
}

/// Health of the live feed, for the status line.
public enum FeedConnectionState: Sendable, Equatable {
    case connecting
    /// Receiving over the server's Server-Sent Events stream.
    case streaming
    /// The server has no stream, so the client polls every `intervalSeconds`.
    case polling(intervalSeconds: Double)
    /// The last attempt failed; the client retries after `retryInSeconds`. `code` is the
    /// failure's `AgentRefClientError.code`, such as `NETWORK_ERROR` when no response
    /// arrived, so a consumer can tell an unreachable server from one that responded with
    /// an error. It is nil when the producer does not report it.
    case disconnected(message: String, retryInSeconds: Double, code: String? = nil)
    /// The server rejected the API key (401 or 403). The client still retries after
    /// `retryInSeconds`, in case the key is fixed on the server, but a script should stop.
    case rejected(message: String, retryInSeconds: Double)
}
