import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Serves `GET /api/v1/conversions/stream`, the live conversion feed as Server-Sent Events.
///
/// The response starts with `retry: 2000`. Without `Last-Event-ID` (header, or the
/// `lastEventId` query parameter) it replays the last `backlog` entries (0 to 200,
/// default 0). With it, it replays every entry after that sequence. Then it sends each new entry as
/// `id: <sequence>`, `event: <type>`, `data: <entry JSON>`, and `: keep-alive` after
/// `heartbeatInterval` seconds without output.
struct ConversionStreamHandler: Sendable {
    static let maxBacklog = 200

    let context: ServerContext
    /// Seconds of silence before a keep-alive comment.
    let heartbeatInterval: TimeInterval
    /// True once the server is stopping, so open streams end.
    let isStopping: @Sendable () -> Bool

    func open(_ request: HTTPRequest) throws -> HTTPResponse {
        let programId = try QueryParameter.string(request, "programId").map { try context.requireProgram($0).id }
        let backlog = try QueryParameter.integer(request, "backlog", in: 0...Self.maxBacklog, default: 0)
        let resumeAfter = try lastEventID(request)

        let session: ConversionStreamSession
        if let resumeAfter {
            session = ConversionStreamSession(handler: self, programId: programId, after: resumeAfter, backlog: [])
        } else {
            let recent = try context.store.latestFeedEntries(count: max(backlog, 1), programId: programId)
            let replay = backlog > 0 ? recent : []
            session = ConversionStreamSession(
                handler: self, programId: programId, after: recent.last?.sequence ?? 0, backlog: replay
            )
        }
        context.logger.info("conversion stream opened", [
            .programID: programId ?? "*", .requestID: request.requestID, .sequence: String(session.startSequence),
        ])

        let stream = ResponseStream(next: { session.next() }, onClose: { session.close() })
        return HTTPResponse(
            status: 200,
            headers: [
                ("Content-Type", "text/event-stream; charset=utf-8"),
                ("Cache-Control", "no-cache"),
                ("X-Accel-Buffering", "no"),
            ],
            stream: stream
        )
    }

    private func lastEventID(_ request: HTTPRequest) throws -> Int64? {
        let header = request.header("Last-Event-ID").flatMap { $0.isEmpty ? nil : $0 }
        guard let text = header ?? QueryParameter.string(request, "lastEventId") else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw APIError.validation(
                "Last-Event-ID must be the id (sequence number) of a received event, got \"\(text)\"", field: "Last-Event-ID"
            )
        }
        return value
    }
}

extension LogKey {
    /// A conversion feed sequence number.
    static let sequence: LogKey = "sequence"
}
