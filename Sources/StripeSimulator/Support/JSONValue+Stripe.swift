import AgentRefDomain
import Foundation

/// The members of a JSON object, the form every Stripe object is built in.
typealias JSONObject = [String: JSONValue]

extension JSONValue {
    /// Makes a whole number such as an amount in minor units or a Unix timestamp.
    static func integer(_ value: Int64) -> JSONValue {
        .number(Double(value))
    }

    /// Makes a string, or `null` when `value` is nil.
    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// Makes a whole number, or `null` when `value` is nil.
    static func optional(_ value: Int64?) -> JSONValue {
        value.map(JSONValue.integer) ?? .null
    }

    /// Makes a Stripe metadata object: string keys and string values.
    static func metadata(_ values: [String: String]) -> JSONValue {
        .object(values.mapValues(JSONValue.string))
    }

    /// Makes a Stripe list object such as `charge.refunds` or `invoice.lines`.
    static func list(url: String, data: [JSONValue]) -> JSONValue {
        .object([
            "object": .string("list"),
            "data": .array(data),
            "has_more": .bool(false),
            "total_count": .integer(Int64(data.count)),
            "url": .string(url),
        ])
    }

    /// Returns a copy with `key` set to `value`; non-objects are returned unchanged.
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard var members = objectValue else { return self }
        members[key] = value
        return .object(members)
    }
}

/// Encoders for the simulator's two kinds of JSON.
enum SimulatorJSON {
    /// Stripe-style output for `/v1`, `/oauth` and webhook payloads: pretty-printed like
    /// Stripe's own responses, with sorted keys so equal objects encode to equal bytes.
    static func encodeStripe(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// Compact output for the `/_sim` control API.
    static func encodeControl(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
