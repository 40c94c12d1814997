import AgentRefClient
import AgentRefDomain
import Foundation

/// A connected program as the demo traffic needs it.
struct DemoProgram: Sendable {
    var id: String
    var account: String
    var currency: String
}

/// The few AgentRef API calls the demo traffic and `trigger --program` make, as blocking
/// calls through `AgentRefHTTPClient` from a thread of their own, the way a merchant's
/// checkout backend would call the API.
struct AgentRefAPICalls: Sendable {
    let client: AgentRefHTTPClient

    func connectedPrograms() throws -> [DemoProgram] {
        let programs = try AsyncRunner.run { try await client.allPrograms() }
        return programs.compactMap { program in
            guard program.stripeStatus == .connected, let account = program.stripeAccountId else { return nil }
            return DemoProgram(id: program.id, account: account, currency: program.currency)
        }
    }

    func affiliateCodes(programID: String) throws -> [String] {
        try AsyncRunner.run { try await client.allAffiliates(programID: programID) }.map(\.code)
    }

    /// Records a referral click and returns its `cid`.
    func recordClick(programID: String, affiliateCode: String) throws -> String {
        try AsyncRunner.run { try await client.recordClick(programID: programID, affiliateCode: affiliateCode) }.cid
    }
}
