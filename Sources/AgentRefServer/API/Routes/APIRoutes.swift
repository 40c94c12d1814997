import AgentRefDomain
import ServiceKit

/// The `/api/v1` routes. Each group is registered by its own extension.
struct APIRoutes {
    let context: ServerContext
    let connector: StripeConnector
    let stream: ConversionStreamHandler
    /// API keys, for `GET /me`.
    let authenticator: Authenticator

    static let prefix = "/api/v1"

    func register(into router: inout Router) {
        registerAccount(into: &router)
        registerPrograms(into: &router)
        registerAffiliates(into: &router)
        registerClicks(into: &router)
        registerConversions(into: &router)
        registerStripe(into: &router)
        registerPlatformEndpoint(into: &router)
    }
}
