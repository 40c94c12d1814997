import Foundation
import ServiceKit

/// The pagination parameters of a list request.
///
/// Lists accept `cursor` + `limit` (the cursor is the opaque `nextCursor` of the previous
/// page) or `page` + `pageSize` (1-based), and `offset` as AgentRef's SDKs also send it.
/// `limit` and `pageSize` default to 20 and allow 1–100.
struct PageRequest: Hashable, Sendable {
    static let defaultPageSize = 20
    static let maxPageSize = 100

    var window: ListWindow
    var pageSize: Int { window.limit }

    /// The 1-based page a `page` or `offset` request asked for, even past the last item;
    /// nil for a cursor request, whose page follows from the items before it.
    var requestedPage: Int? {
        guard case .offset(let offset) = window.start else { return nil }
        return offset / pageSize + 1
    }

    /// Reads the parameters of `request`.
    ///
    /// - Throws: `APIError` VALIDATION_ERROR naming the parameter and its allowed range.
    static func parse(_ request: HTTPRequest) throws -> PageRequest {
        let sizeName = request.query("limit") != nil ? "limit" : "pageSize"
        let size = try QueryParameter.integer(
            request, sizeName, in: 1...maxPageSize, default: defaultPageSize
        )

        if let cursor = request.query("cursor"), !cursor.isEmpty {
            return PageRequest(window: ListWindow(start: .after(position: try position(fromCursor: cursor)), limit: size))
        }
        if request.query("page") != nil {
            let page = try QueryParameter.integer(request, "page", in: 1...1_000_000, default: 1)
            return PageRequest(window: ListWindow(start: .offset((page - 1) * size), limit: size))
        }
        let offset = try QueryParameter.integer(request, "offset", in: 0...100_000_000, default: 0)
        return PageRequest(window: ListWindow(start: .offset(offset), limit: size))
    }

    /// An opaque cursor for the item at `position`: base64url of `p:<position>`.
    static func makeCursor(_ position: Int64) -> String {
        Data("p:\(position)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func position(fromCursor cursor: String) throws -> Int64 {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let text = Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
        guard let text, text.hasPrefix("p:"), let position = Int64(text.dropFirst(2)) else {
            throw APIError.validation(
                "cursor \"\(cursor)\" is invalid; pass the nextCursor of the previous page, or omit cursor for the first page",
                field: "cursor"
            )
        }
        return position
    }
}

/// Reads and validates query parameters.
enum QueryParameter {
    /// The integer value of `name`, or `defaultValue` when absent or empty.
    ///
    /// - Throws: `APIError` VALIDATION_ERROR when the value is not a whole number in `range`.
    static func integer(_ request: HTTPRequest, _ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws -> Int {
        guard let text = request.query(name), !text.isEmpty else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.validation(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"",
                field: name
            )
        }
        return value
    }

    /// The value of `name`, or nil when absent or empty.
    static func string(_ request: HTTPRequest, _ name: String) -> String? {
        guard let text = request.query(name), !text.isEmpty else { return nil }
        return text
    }
}
