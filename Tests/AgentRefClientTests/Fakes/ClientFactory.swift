import AgentRefClient
import AgentRefDomain
import AgentRefLog
import Foundation

/// Test clients without pacing or real waiting, unless a test passes them in.
enum ClientFactory {
    static let apiKey = APIKey("ak_test_clienttests0000000000000000000000abcd")

    /// Makes a retry policy whose jitter always picks the upper bound, so delays are exact.
    static func exactRetryPolicy(maxRetries: Int = 3) -> RetryPolicy {
        RetryPolicy(maxRetries: maxRetries, baseDelay: 0.5, maxDelay: 8, random: { $0.upperBound })
    }

    static func make(
        baseURL: URL,
        apiKey: APIKey = apiKey,
        clock: any ClientClock = VirtualClock(),
        retryPolicy: RetryPolicy = exactRetryPolicy(),
        rateLimit: RateLimit? = nil,
        feed: FeedOptions = FeedOptions(),
        logger: Logger = .silent
    ) -> AgentRefHTTPClient {
        let options = ClientOptions(
            retryPolicy: retryPolicy,
            requestTimeout: 5,
            clock: clock,
            rateLimit: rateLimit,
            feed: feed
        )
        return AgentRefHTTPClient(baseURL: baseURL, apiKey: apiKey, options: options, logger: logger)
    }
}
