import AgentRefDomain
import ServiceKit

/// JSON shapes shared by the `/_sim` control API.
enum ControlResponse {
    static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        .json(SimulatorJSON.encodeControl(value), status: status)
    }

    /// Builds the report of one sent event with the first attempt at each endpoint:
    /// `{"id","type","delivered","deliveries":[…]}`, where `delivered` is true when at least
    /// one endpoint received it and every first attempt got a 2xx response.
    static func eventReport(id: String, type: String, attempts: [DeliveryAttempt]) -> JSONValue {
        .object([
            "id": .string(id),
            "type": .string(type),
            "delivered": .bool(!attempts.isEmpty && attempts.allSatisfy(\.succeeded)),
            "deliveries": .array(attempts.map(\.controlJSON)),
        ])
    }
}
