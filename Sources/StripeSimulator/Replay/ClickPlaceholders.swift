import AgentRefDomain

/// Replaces `{{click:NAME}}` in fixture events with the click ids an AgentRef server gave
/// the fixture's clicks, because click ids are only known once the clicks are recorded.
public enum ClickPlaceholders {
    /// Returns `value` with every string `{{click:NAME}}` replaced by `cids[NAME]`.
    ///
    /// - Throws: `FixtureError` naming a placeholder without a click id.
    public static func substitute(in value: JSONValue, cids: [String: String]) throws -> JSONValue {
        switch value {
        case .string(let text):
            guard let name = clickName(in: text) else { return value }
            guard let cid = cids[name] else {
                throw FixtureError(message: "\(text) names no click; the fixture's clicks are "
                    + (cids.keys.sorted().joined(separator: ", ").nonEmpty ?? "(none)"))
            }
            return .string(cid)
        case .array(let items):
            return .array(try items.map { try substitute(in: $0, cids: cids) })
        case .object(let members):
            return .object(try members.mapValues { try substitute(in: $0, cids: cids) })
        case .null, .bool, .number:
            return value
        }
    }

    /// Returns NAME of a `{{click:NAME}}` string, or nil for any other string.
    static func clickName(in text: String) -> String? {
        guard text.hasPrefix("{{click:"), text.hasSuffix("}}") else { return nil }
        return String(text.dropFirst("{{click:".count).dropLast(2))
    }
}

/// A fixture file or replay that cannot be used; `message` names the value and the fix.
public struct FixtureError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
