import AgentRefDomain
import Foundation

/// Prints values as pretty JSON with the API's field names and timestamp format.
enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = AgentRefJSON.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        Terminal.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
