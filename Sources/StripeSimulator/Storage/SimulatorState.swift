import Foundation

/// Everything the simulator remembers between requests and, with a data directory,
/// between runs: webhook endpoints with their secrets, OAuth codes and tokens, and the
/// objects scenarios created.
struct SimulatorState: Codable, Sendable {
    /// Version of this layout in `stripe-sim.json`.
    var formatVersion = 1
    /// In creation order.
    var webhookEndpoints: [WebhookEndpoint] = []
    var authorizationCodes: [String: AuthorizationCode] = [:]
    /// In creation order, revoked ones included so their tokens are reported as expired.
    var grants: [OAuthGrant] = []
    /// Keyed by object id.
    var objects: [String: StoredObject] = [:]
    var nextSequence = 1

    /// Returns the next value of the objects' creation counter.
    mutating func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }
}
