import Foundation

/// A Stripe event in Stripe's envelope: `id`, `object: "event"`, `api_version`,
/// `created` (Unix seconds), `type`, `account` (set for events from a connected
/// account), `livemode` and `data.object`.
public struct StripeEvent: Hashable, Sendable, Codable {
    public var id: String
    public var object: String
    public var apiVersion: String?
    public var created: Int64
    public var type: String
    public var account: String?
    public var livemode: Bool
    public var data: EventData

    public struct EventData: Hashable, Sendable, Codable {
        public var object: JSONValue
        public var previousAttributes: JSONValue?

        public init(object: JSONValue, previousAttributes: JSONValue? = nil) {
            self.object = object
            self.previousAttributes = previousAttributes
        }

        enum CodingKeys: String, CodingKey {
            case object
            case previousAttributes = "previous_attributes"
        }
    }

    public init(
        id: String,
        apiVersion: String? = StripeEvent.defaultAPIVersion,
        created: Int64,
        type: String,
        account: String?,
        livemode: Bool = false,
        object: JSONValue
    ) {
        self.id = id
        self.object = "event"
        self.apiVersion = apiVersion
        self.created = created
        self.type = type
        self.account = account
        self.livemode = livemode
        self.data = EventData(object: object)
    }

    /// The API version the simulator stamps on events it creates.
    public static let defaultAPIVersion = "2024-06-20"

    /// The known type, or nil for a type this project does not handle.
    public var knownType: StripeEventType? { StripeEventType(rawValue: type) }

    enum CodingKeys: String, CodingKey {
        case id, object, created, type, account, livemode, data
        case apiVersion = "api_version"
    }

    /// Decodes an event, reporting which field is wrong when the body is not an event.
    ///
    /// - Throws: `StripeEventDecodingError` naming the missing or invalid field.
    public static func decode(from body: Data) throws -> StripeEvent {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw StripeEventDecodingError(message: "body is not valid JSON")
        }
        return try decode(from: value)
    }

    static func decode(from value: JSONValue) throws -> StripeEvent {
        guard value.objectValue != nil else {
            throw StripeEventDecodingError(message: "body is not a JSON object")
        }
        guard let id = value["id"]?.stringValue, !id.isEmpty else {
            throw StripeEventDecodingError(message: "missing string field \"id\"")
        }
        guard value["object"]?.stringValue == "event" else {
            throw StripeEventDecodingError(message: "field \"object\" is not \"event\" in \(id)")
        }
        guard let type = value["type"]?.stringValue, !type.isEmpty else {
            throw StripeEventDecodingError(message: "missing string field \"type\" in \(id)")
        }
        guard let created = value["created"]?.int64Value else {
            throw StripeEventDecodingError(message: "missing integer field \"created\" in \(id)")
        }
        guard let object = value.value(at: "data.object"), object.objectValue != nil else {
            throw StripeEventDecodingError(message: "missing object field \"data.object\" in \(id)")
        }

        var event = StripeEvent(
            id: id,
            apiVersion: value["api_version"]?.stringValue,
            created: created,
            type: type,
            account: value["account"]?.stringValue,
            livemode: value["livemode"]?.boolValue ?? false,
            object: object
        )
        event.data.previousAttributes = value.value(at: "data.previous_attributes")
        return event
    }
}

/// A body that is not a Stripe event; `message` names the field at fault.
public struct StripeEventDecodingError: Error, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { "invalid Stripe event: \(message)" }
}
