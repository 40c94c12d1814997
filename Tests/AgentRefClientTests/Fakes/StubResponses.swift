import AgentRefDomain
import Foundation
import ServiceKit

/// Responses in the AgentRef API's envelopes, each with `X-Request-Id` equal to
/// `meta.requestId`.
enum StubResponses {
    static let requestID = "req_stub123"

    /// `{"data": value, "meta": {"requestId": …}}`.
    static func object<Value: Encodable>(_ value: Value, status: Int = 200) -> HTTPResponse {
        let data = try! AgentRefJSON.makeEncoder().encode(value)
        let body = #"{"data":"# + String(decoding: data, as: UTF8.self) + #","meta":{"requestId":"\#(requestID)"}}"#
        return json(body, status: status)
    }

    /// Builds a list envelope with the full list meta.
    static func list<Item: Encodable>(
        _ items: [Item],
        total: Int? = nil,
        page: Int = 1,
        pageSize: Int = 20,
        hasMore: Bool = false,
        nextCursor: String? = nil
    ) -> HTTPResponse {
        let data = try! AgentRefJSON.makeEncoder().encode(items)
        let cursor = nextCursor.map { "\"\($0)\"" } ?? "null"
        let meta = #"{"total":\#(total ?? items.count),"page":\#(page),"pageSize":\#(pageSize),"hasMore":\#(hasMore),"#
            + #""nextCursor":\#(cursor),"requestId":"\#(requestID)"}"#
        return json(#"{"data":"# + String(decoding: data, as: UTF8.self) + #","meta":"# + meta + "}", status: 200)
    }

    /// `{"error": {"code", "message", "details"}, "meta": {"requestId"}}`.
    static func error(
        _ status: Int,
        _ code: String,
        _ message: String,
        details: String = "null",
        headers: [(String, String)] = []
    ) -> HTTPResponse {
        let escaped = message.replacingOccurrences(of: "\"", with: "\\\"")
        let body = #"{"error":{"code":"\#(code)","message":"\#(escaped)","details":\#(details)},"#
            + #""meta":{"requestId":"\#(requestID)"}}"#
        var response = json(body, status: status)
        for (name, value) in headers { response.setHeader(name, value) }
        return response
    }

    static func json(_ body: String, status: Int) -> HTTPResponse {
        var response = HTTPResponse.json(Data(body.utf8), status: status)
        response.setHeader("X-Request-Id", requestID)
        return response
    }
}
