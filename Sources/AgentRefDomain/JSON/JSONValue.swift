import Foundation

/// Any JSON value, for documents whose shape is only partly known, such as the
/// `data.object` of a Stripe event.
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try encodeNumber(value, into: &container)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Writes whole numbers without a fraction, so `1000` stays `1000` and not `1000.0`.
    private func encodeNumber(_ value: Double, into container: inout SingleValueEncodingContainer) throws {
        if value.rounded() == value, abs(value) < 9.0e15 {
            try container.encode(Int64(value))
        } else {
            try container.encode(value)
        }
    }

    /// The member named `key` of an object, or nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The value at a dotted path such as `data.object.id`.
    public func value(at path: String) -> JSONValue? {
        var current: JSONValue? = self
        for key in path.split(separator: ".") {
            current = current?[String(key)]
        }
        return current
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value as a whole number; nil for fractions, non-numbers and out-of-range values.
    public var int64Value: Int64? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 9.0e15 else {
            return nil
        }
        return Int64(value)
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// The id of an expandable Stripe field, which is either an id string or an object
    /// with an `id` member.
    public var stripeID: String? {
        stringValue ?? self["id"]?.stringValue
    }
}
