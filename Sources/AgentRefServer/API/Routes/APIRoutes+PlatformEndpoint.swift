import AgentRefDomain
import Foundation
import ServiceKit

extension APIRoutes {
    /// The number of unrouted events `GET /stripe/platform-endpoint` lists, newest first.
    static let recentUnroutedEventLimit = 20

    /// `GET /api/v1/stripe/platform-endpoint` (extension): the server's webhook mode and its
    /// platform Connect endpoint, the programs using it, the deliveries to
    /// `/webhooks/stripe/connect` rejected for their signature, and the events no program held.
    func registerPlatformEndpoint(into router: inout Router) {
        router.add("GET", "\(Self.prefix)/stripe/platform-endpoint") { request in
            try request.writer.object(try platformEndpointReport())
        }
    }

    private func platformEndpointReport() throws -> PlatformEndpointReport {
        let store = context.store
        let endpoint = try store.platformEndpoint()
        let programs = try store.connectedStripeConnections().filter { $0.endpointKind == .connect }
        return PlatformEndpointReport(
            webhookMode: context.configuration.stripeWebhookMode.rawValue,
            endpointId: endpoint?.id,
            url: endpoint?.url ?? context.connectWebhookURL,
            enabledEvents: PlatformEndpointRegistrar.events,
            programIds: programs.map(\.programId).sorted(),
            rejectedSignatures: try store.platformRejectedSignatureCounts(),
            lastRejectedSignatureAt: try store.lastPlatformRejectedSignatureAt(),
            ignoredEvents: try store.unroutedStripeEventCount(),
            recentIgnoredEvents: try store.unroutedStripeEvents(limit: Self.recentUnroutedEventLimit)
        )
    }

    /// Returns the program's deliveries rejected for their signature by reason, with the
    /// time of the latest. For a program in connect mode the counts include every rejection
    /// on `/webhooks/stripe/connect`, because a body is not read before its signature is
    /// verified, so a rejected delivery cannot be traced to a program.
    func rejectedSignatures(programId: String) throws -> (counts: [String: Int], last: Date?) {
        let store = context.store
        var counts = try store.rejectedSignatureCounts(programId: programId)
        var last = try store.lastRejectedSignatureAt(programId: programId)
        guard try store.stripeConnection(programId: programId).endpointKind == .connect else { return (counts, last) }

        counts.merge(try store.platformRejectedSignatureCounts(), uniquingKeysWith: +)
        if let platformLast = try store.lastPlatformRejectedSignatureAt() {
            last = max(last ?? platformLast, platformLast)
        }
        return (counts, last)
    }
}

/// The body of `GET /api/v1/stripe/platform-endpoint`.
struct PlatformEndpointReport: Encodable {
    /// The server's configured mode: `auto`, `account` or `connect`.
    var webhookMode: String
    /// Nil until a program connected through the platform endpoint.
    var endpointId: String?
    var url: String
    var enabledEvents: [String]
    /// Programs connected through the platform endpoint.
    var programIds: [String]
    var rejectedSignatures: [String: Int]
    var lastRejectedSignatureAt: Date?
    /// Events stored as unrouted, at most the newest 1000.
    var ignoredEvents: Int
    var recentIgnoredEvents: [UnroutedStripeEvent]
}
