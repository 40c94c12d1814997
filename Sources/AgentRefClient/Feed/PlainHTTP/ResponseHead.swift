import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The status line and headers of an HTTP/1.1 response.
struct ResponseHead {
    var statusCode: Int
    var version: String
    /// Header fields with lower-case names; repeated fields are joined with `, `.
    var headers: [String: String]

    /// Parses the head, without the blank line that ends it.
    ///
    /// - Throws: `URLError(.badServerResponse)` when the status line is not `HTTP/1.x NNN …`.
    init(_ data: Data) throws {
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        let status = lines[0].split(separator: " ", maxSplits: 2)
        guard status.count >= 2, status[0].hasPrefix("HTTP/1."), let code = Int(status[1]) else {
            throw URLError(.badServerResponse)
        }
        statusCode = code
        version = String(status[0])
        headers = [:]

        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
    }

    var isEventStream: Bool {
        headers["content-type"]?.lowercased().hasPrefix("text/event-stream") ?? false
    }

    func response(for url: URL) -> HTTPURLResponse {
        HTTPURLResponse(url: url, statusCode: statusCode, httpVersion: version, headerFields: headers)!
    }
}
