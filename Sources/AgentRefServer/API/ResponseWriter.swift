import AgentRefDomain
import Foundation
import ServiceKit

/// Encodes API responses in AgentRef's envelopes with the request's id.
struct ResponseWriter {
    let requestID: String

    func object<Payload: Encodable>(_ payload: Payload, status: Int = 200) throws -> HTTPResponse {
        try json(DataEnvelope(data: payload, meta: RequestMeta(requestId: requestID)), status: status)
    }

    func list<Item: Encodable>(
        _ slice: ListSlice<Item>,
        request page: PageRequest,
        extra: [String: JSONValue] = [:]
    ) throws -> HTTPResponse {
        let meta = ListMeta(
            total: slice.total,
            page: page.requestedPage ?? slice.itemsBefore / page.pageSize + 1,
            pageSize: page.pageSize,
            hasMore: slice.hasMore,
            nextCursor: slice.hasMore ? slice.lastPosition.map(PageRequest.makeCursor) : nil,
            requestId: requestID,
            extra: extra
        )
        return try json(ListEnvelope(data: slice.items, meta: meta))
    }

    func error(_ error: APIError) -> HTTPResponse {
        let envelope = ErrorEnvelope(
            error: .init(code: error.code, message: error.message, details: error.details),
            meta: RequestMeta(requestId: requestID)
        )
        var response = (try? json(envelope, status: error.status))
            ?? .json(Data(#"{"error":{"code":"INTERNAL_ERROR","message":"encoding failed","details":null}}"#.utf8), status: 500)
        for header in error.headers {
            response.setHeader(header.name, header.value)
        }
        return response
    }

    private func json<Value: Encodable>(_ value: Value, status: Int = 200) throws -> HTTPResponse {
        let body = try AgentRefJSON.makeEncoder().encode(value)
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: body)
    }
}
