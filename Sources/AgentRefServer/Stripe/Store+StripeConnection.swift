import AgentRefDomain
import Foundation

extension Store {
    /// Reads the program's connection, lets `change` apply lifecycle inputs and edit fields,
    /// and saves it, in one transaction. Concurrent requests therefore see each other's
    /// transitions whole, and a `change` that checks the status acts as a compare-and-set.
    ///
    /// - Throws: Whatever `change` throws, after rolling back; the store's error.
    @discardableResult
    func updateStripeConnection<Result>(
        programId: String,
        _ change: (inout StripeConnectionRecord) throws -> Result
    ) throws -> Result {
        try transaction {
            var connection = try stripeConnection(programId: programId)
            let result = try change(&connection)
            try saveStripeConnection(connection)
            return result
        }
    }

    /// Records that the program let go of `accountId`, so the cleanup worker deletes
    /// `endpointId` there and deauthorizes the account. A pending cleanup of the same
    /// program and account gains the endpoint id instead of getting a twin.
    func scheduleStripeCleanup(programId: String, accountId: String, endpointId: String?, at date: Date) throws {
        try transaction {
            let existing = try stripeCleanups(programId: programId).first {
                $0.accountId == accountId && $0.state == .pending
            }
            if var existing {
                existing.endpointId = existing.endpointId ?? endpointId
                existing.updatedAt = date
                try updateStripeCleanup(existing)
                return
            }
            try insertStripeCleanup(StripeCleanupRecord(
                id: IdentifierGenerator.make(prefix: "cln"), programId: programId, accountId: accountId,
                endpointId: endpointId, state: .pending, attempts: 0, message: nil, createdAt: date, updatedAt: date
            ))
        }
    }
}
