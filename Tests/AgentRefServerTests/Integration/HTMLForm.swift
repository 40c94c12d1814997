import Foundation

/// The first form of an HTML page as a browser would submit it unchanged: its action and
/// the name/value pairs of its inputs and selects (the `selected` option, else the first).
struct HTMLForm {
    var action: String
    var method: String
    var fields: [(name: String, value: String)]

    init?(page: String) {
        guard let formStart = page.range(of: "<form"), let formEnd = page.range(of: "</form>") else { return nil }
        let form = String(page[formStart.lowerBound..<formEnd.upperBound])
        let formTag = Self.attributes(of: Self.tags(named: "form", in: form).first ?? "")
        action = formTag["action"] ?? ""
        method = (formTag["method"] ?? "get").lowercased()
        fields = []

        for tag in Self.tags(named: "input", in: form) {
            let attributes = Self.attributes(of: tag)
            guard let name = attributes["name"], attributes["type"] != "submit" else { continue }
            fields.append((name, attributes["value"] ?? ""))
        }
        for select in Self.selects(in: form) {
            fields.append(select)
        }
    }

    private static func tags(named name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<\(name)\\b[^>]*>", options: [.caseInsensitive])
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { Range($0.range, in: html).map { String(html[$0]) } }
    }

    private static func attributes(of tag: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"([a-zA-Z_-]+)(?:="([^"]*)")?"#)
        let inner = String(tag.dropFirst().dropLast())
        var result: [String: String] = [:]
        for match in pattern.matches(in: inner, range: NSRange(inner.startIndex..., in: inner)).dropFirst() {
            guard let nameRange = Range(match.range(at: 1), in: inner) else { continue }
            let value = Range(match.range(at: 2), in: inner).map { unescape(String(inner[$0])) } ?? ""
            result[String(inner[nameRange]).lowercased()] = value
        }
        return result
    }

    private static func selects(in form: String) -> [(String, String)] {
        form.components(separatedBy: "<select").dropFirst().compactMap { chunk in
            guard let name = attributes(of: "<select" + chunk.prefix { $0 != ">" } + ">")["name"] else { return nil }
            let body = chunk.components(separatedBy: "</select>")[0]
            let options = tags(named: "option", in: body).map(attributes(of:))
            let chosen = options.first { $0["selected"] != nil } ?? options.first
            return (name, chosen?["value"] ?? "")
        }
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
