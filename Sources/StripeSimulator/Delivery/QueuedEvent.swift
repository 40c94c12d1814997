import Foundation

/// An event with its payload encoded once, so every attempt sends the same bytes.
struct QueuedEvent: Sendable {
    var id: String
    var type: String
    var account: String
    /// The exact JSON body each attempt sends and signs.
    var payload: Data
    /// True for events that go to every enabled endpoint of the account whatever it
    /// subscribed to (see `SimulatorState.recipients`).
    var ignoringSubscriptions: Bool
}
