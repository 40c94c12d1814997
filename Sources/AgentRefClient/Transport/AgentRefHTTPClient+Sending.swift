import AgentRefDomain
import AgentRefLog
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension AgentRefHTTPClient {
    /// Sends `request` and decodes `data` of the response envelope as `Payload`.
    ///
    /// - Throws: `AgentRefClientError` for error statuses, network failures and bodies that
    ///   do not decode (INVALID_RESPONSE).
    func fetchObject<Payload: Decodable>(_ request: APIRequest, as type: Payload.Type = Payload.self) async throws
        -> Payload {
        try await fetchEnvelope(request, as: type).data
    }

    /// Sends a list request and returns the page with the list `meta`.
    ///
    /// Missing paging fields get neutral values: `total` and `pageSize` the item count,
    /// `page` 1, and `hasMore` true only when there is a `nextCursor`.
    func fetchPage<Item: Decodable & Sendable>(_ request: APIRequest, of type: Item.Type = Item.self) async throws
        -> Page<Item> {
        try await fetchPageWithMeta(request, of: type).page
    }

    /// Sends a list request and returns the page together with the whole `meta`, for
    /// lists whose `meta` carries more than paging fields.
    func fetchPageWithMeta<Item: Decodable & Sendable>(_ request: APIRequest, of type: Item.Type = Item.self)
        async throws -> (page: Page<Item>, meta: ResponseMeta?) {
        let envelope = try await fetchEnvelope(request, as: [Item].self)
        let meta = envelope.meta
        let items = envelope.data

        let page = Page(
            items: items,
            total: meta?.total ?? items.count,
            page: meta?.page ?? 1,
            pageSize: meta?.pageSize ?? items.count,
            hasMore: meta?.hasMore ?? (meta?.nextCursor != nil),
            nextCursor: meta?.nextCursor
        )
        return (page, meta)
    }

    private func fetchEnvelope<Payload: Decodable>(_ request: APIRequest, as type: Payload.Type) async throws
        -> DataEnvelope<Payload> {
        let (data, response) = try await send(request)
        do {
            return try AgentRefJSON.makeDecoder().decode(DataEnvelope<Payload>.self, from: data)
        } catch {
            let mapped = ResponseErrorMapper.invalidResponse(error, response: response, request: request)
            logger.error("response not decodable", metadata(for: request, error: mapped))
            throw mapped
        }
    }

    /// Sends `request` through the pacer, retrying as `options.retryPolicy` allows, and
    /// returns the body and response of the first 2xx response.
    ///
    /// - Throws: `AgentRefClientError` for the last failure when retries are used up or not
    ///   allowed for this request.
    func send(_ request: APIRequest) async throws -> (Data, HTTPURLResponse) {
        var retries = 0
        while true {
            let outcome = await attempt(request)
            guard case .failure(let error) = outcome else { return try outcome.get() }

            if error.isRateLimited {
                await pacer?.hold(forSeconds: error.retryAfterSeconds ?? options.retryPolicy.defaultRetryAfter)
            }
            guard let delay = retryDelay(after: error, of: request, retries: retries) else {
                logFailure(error, of: request)
                throw error
            }

            retries += 1
            var details = metadata(for: request, error: error)
            details[.attempt] = String(retries + 1)
            details[.delay] = String(Int((delay * 1000).rounded()))
            logger.warning("retrying request", details)

            do {
                try await options.clock.sleep(seconds: delay)
            } catch {
                throw ResponseErrorMapper.networkError(CancellationError(), request: request, baseURL: baseURL)
            }
        }
    }

    /// Makes one attempt: waits for the pacer, sends, and classifies the result.
    private func attempt(_ request: APIRequest) async -> Result<(Data, HTTPURLResponse), AgentRefClientError> {
        do {
            try await pacer?.acquire()
            let started = Date()
            let (data, response) = try await transport.send(makeURLRequest(request))
            logResponse(response, to: request, startedAt: started)

            guard (200..<300).contains(response.statusCode) else {
                let error = ResponseErrorMapper.error(for: response, body: data, request: request, now: options.clock.now())
                return .failure(error)
            }
            return .success((data, response))
        } catch {
            return .failure(ResponseErrorMapper.networkError(error, request: request, baseURL: baseURL))
        }
    }

    /// Seconds to wait before repeating `request` after `error`, or nil to give up.
    ///
    /// A 429 is retried for every method, because the server rejects it before acting, but
    /// only when its `Retry-After` is at most `maxRetryAfter`. Network errors and 5xx are
    /// retried only for requests that are safe to repeat.
    func retryDelay(after error: AgentRefClientError, of request: APIRequest, retries: Int) -> Double? {
        let policy = options.retryPolicy
        guard retries < policy.maxRetries, error.code != AgentRefClientError.cancelledCode else { return nil }

        if error.isRateLimited {
            let wait = error.retryAfterSeconds ?? policy.defaultRetryAfter
            return wait <= policy.maxRetryAfter ? wait : nil
        }

        let isTransient = error.isNetworkError || (error.status ?? 0) >= 500
        guard isTransient, request.isSafeToRepeat else { return nil }
        return policy.backoffDelay(forRetry: retries)
    }

    private func logResponse(_ response: HTTPURLResponse, to request: APIRequest, startedAt started: Date) {
        var details = metadata(for: request)
        details[.status] = String(response.statusCode)
        details[.duration] = String(Int((Date().timeIntervalSince(started) * 1000).rounded()))
        if let requestID = response.value(forHTTPHeaderField: "X-Request-Id") { details[.requestID] = requestID }
        logger.debug("response received", details)
    }

    private func logFailure(_ error: AgentRefClientError, of request: APIRequest) {
        guard error.code != AgentRefClientError.cancelledCode else { return }
        logger.error("request failed", metadata(for: request, error: error))
    }

    func metadata(for request: APIRequest, error: AgentRefClientError? = nil) -> [LogKey: String] {
        var details: [LogKey: String] = [.method: request.method.rawValue, .path: request.displayPath]
        if let error {
            details[.error] = error.code + ": " + error.message
            if let status = error.status { details[.status] = String(status) }
            if let requestID = error.requestID { details[.requestID] = requestID }
        }
        return details
    }
}
