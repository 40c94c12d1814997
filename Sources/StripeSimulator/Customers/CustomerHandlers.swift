import AgentRefDomain
import ServiceKit

/// `GET /v1/customers/{id}`: the customers that scenarios and replays created, read by the
/// AgentRef server for `agentref_cid` in their metadata.
struct CustomerHandlers: Sendable {
    let store: SimulatorStore
    let authenticator: APIAuthenticator

    /// Returns the customer of the account the request acts on.
    ///
    /// - Throws: `StripeAPIError` 401 or 403 from authentication, and 404 `resource_missing`
    ///   for an id that is not a customer of that account.
    func retrieve(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        let id = request.parameter("id")
        let customer = store.read { state in state.object(id: id, kind: "customer", account: context.account) }
        guard let customer else {
            throw StripeAPIError.resourceMissing("customer", id: id)
        }
        return .json(SimulatorJSON.encodeStripe(customer))
    }
}
