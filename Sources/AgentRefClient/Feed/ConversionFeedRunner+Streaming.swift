import AgentRefDomain
import AgentRefLog
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension ConversionFeedRunner {
    /// The end of one stream connection.
    enum StreamOutcome {
        /// The connection closed or failed. `error` gives the reason, and `wasOpen` is true
        /// when a 200 event stream had been established first.
        case ended(AgentRefClientError, wasOpen: Bool)
        /// The server has no stream route, so the feed must poll.
        case routeMissing
        case cancelled
    }

    /// Connects to `GET /conversions/stream` again and again, resuming after the last
    /// delivered entry, until the task is cancelled or the route turns out to be missing.
    func runStream() async {
        while !Task.isCancelled {
            publish(.connecting)

            switch await streamOnce() {
            case .cancelled:
                return
            case .routeMissing:
                await client.routes.markMissing(.conversionStream)
                logger.info("conversion stream route missing, polling instead", logMetadata())
                return
            case .ended(let error, let wasOpen):
                if wasOpen { consecutiveFailures = 0 }
                guard await waitAfterFailure(error) else { return }
            }
        }
    }

    /// Opens one stream and delivers its entries until it ends.
    private func streamOnce() async -> StreamOutcome {
        do {
            try await client.pacer?.acquire()
        } catch {
            return .cancelled
        }

        let request = makeStreamRequest()
        var parser = ServerSentEventParser()
        var wasOpen = false

        do {
            for try await chunk in openStream(request) {
                switch chunk {
                case .opened:
                    wasOpen = true
                    consecutiveFailures = 0
                    logger.info("feed stream opened", logMetadata())
                    publish(.streaming)
                case .bytes(let data):
                    for event in parser.parse(data) { deliver(event) }
                    remember(parser)
                }
            }
        } catch {
            return await outcome(of: error, wasOpen: wasOpen)
        }

        guard !Task.isCancelled else { return .cancelled }
        let closed = AgentRefClientError(
            code: AgentRefClientError.networkErrorCode,
            status: nil,
            message: "The server closed the live conversion stream."
        )
        return .ended(closed, wasOpen: wasOpen)
    }

    /// Opens the stream over a plain socket for `http://` servers, where URLSession would
    /// busy-poll while the stream is idle, and over URLSession for `https://`.
    private func openStream(
        _ request: (urlRequest: URLRequest, mapFailure: EventStreamConnection.FailureMapper)
    ) -> AsyncThrowingStream<EventStreamConnection.Chunk, Error> {
        if request.urlRequest.url?.scheme?.lowercased() == "http" {
            return SocketEventStream.open(request.urlRequest, idleTimeout: options.idleTimeout, mapFailure: request.mapFailure)
        }
        // NOTE: URLSession on Linux keeps a core busy while an https stream is idle; the
        // hosted service has no stream route, so in practice https feeds poll instead.
        return EventStreamConnection.open(request.urlRequest, idleTimeout: options.idleTimeout, mapFailure: request.mapFailure)
    }

    private func outcome(of error: Error, wasOpen: Bool) async -> StreamOutcome {
        guard !Task.isCancelled else { return .cancelled }

        let apiError = (error as? AgentRefClientError)
            ?? ResponseErrorMapper.networkError(error, request: streamAPIRequest, baseURL: client.baseURL)
        if apiError.code == AgentRefClientError.cancelledCode {
            return .cancelled
        }
        if apiError.isRateLimited {
            await client.pacer?.hold(forSeconds: apiError.retryAfterSeconds ?? client.options.retryPolicy.defaultRetryAfter)
        }

        let isUnsupported = apiError.status == 200 && apiError.code == AgentRefClientError.invalidResponseCode
        if !wasOpen, isUnsupported {
            return .routeMissing
        }
        if !wasOpen, await isRouteMissing(apiError) {
            return .routeMissing
        }
        return .ended(apiError, wasOpen: wasOpen)
    }

    /// Decodes an event's data as a feed entry and delivers it. Other events are logged and
    /// skipped.
    private func deliver(_ event: ServerSentEvent) {
        do {
            let entry = try AgentRefJSON.makeDecoder().decode(ConversionFeedEntry.self, from: Data(event.data.utf8))
            deliver(entry)
        } catch {
            var details = logMetadata()
            details[.eventType] = event.type
            details[.error] = DecodingErrorDescription.describe(error)
            logger.warning("feed event skipped", details)
        }
    }

    /// Keeps the stream's last event id and `retry` time for the next connection.
    private func remember(_ parser: ServerSentEventParser) {
        if let announced = Int64(parser.lastEventID) {
            announcedSequence = max(announcedSequence ?? announced, announced)
        }
        if let milliseconds = parser.reconnectionTime {
            serverRetryDelay = Double(milliseconds) / 1000
        }
    }

    private var streamAPIRequest: APIRequest {
        APIRequest(.get, ["conversions", "stream"], query: [("programId", programID), ("backlog", String(backlog))])
    }

    /// Builds the stream request, with `Last-Event-ID` when resuming, and the function that
    /// turns a failed response into an error.
    private func makeStreamRequest() -> (urlRequest: URLRequest, mapFailure: EventStreamConnection.FailureMapper) {
        let apiRequest = streamAPIRequest
        var urlRequest = client.makeURLRequest(apiRequest, accept: "text/event-stream")
        urlRequest.timeoutInterval = max(options.idleTimeout * 2, 60)
        urlRequest.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
        if let resumeSequence {
            urlRequest.setValue(String(resumeSequence), forHTTPHeaderField: "Last-Event-ID")
        }

        let clock = clock
        let mapFailure: EventStreamConnection.FailureMapper = { response, body in
            guard response.statusCode != 200 else {
                let contentType = response.value(forHTTPHeaderField: "Content-Type") ?? "none"
                return AgentRefClientError(
                    code: AgentRefClientError.invalidResponseCode,
                    status: 200,
                    message: "GET \(apiRequest.displayPath) returned \(contentType), not text/event-stream."
                )
            }
            return ResponseErrorMapper.error(for: response, body: body, request: apiRequest, now: clock.now())
        }
        return (urlRequest, mapFailure)
    }
}
