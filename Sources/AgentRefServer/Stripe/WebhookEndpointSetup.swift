import AgentRefDomain
import AgentRefLog
import Foundation

/// Registers the endpoint through which a connecting program's events will arrive, in the
/// server's `StripeWebhookMode`:
///
/// - `account`: the program's own endpoint on the merchant's account.
/// - `connect`: the server's one platform Connect endpoint.
/// - `auto`: the account endpoint, unless Stripe refuses a write on it for lack of
///   permission (a `read_only` grant may), in which case the platform Connect endpoint.
///
/// Callers must hold `ServerContext.stripeGrantLock`.
struct WebhookEndpointSetup {
    let context: ServerContext

    /// The endpoint through which the program's events will arrive.
    struct Endpoint: Hashable {
        var kind: WebhookEndpointKind
        var id: String
        /// The account endpoint's signing secret; nil for the platform endpoint, whose
        /// secret the server stores once for every program.
        var secret: String?
        var url: String
    }

    /// The reason no endpoint was registered.
    enum Failure: Error {
        /// In account mode, Stripe refused the account endpoint for lack of permission.
        case accountEndpointNotPermitted(StripeAPIError)
        /// A Stripe call for the account endpoint failed.
        case accountEndpoint(StripeAPIError)
        /// A Stripe call for the platform Connect endpoint failed.
        case platformEndpoint(StripeAPIError)
    }

    private var logger: Logger { context.logger }

    /// Registers the endpoint for `programId` on `account`.
    ///
    /// - Parameter known: The program's stored account endpoint id and secret, if any.
    /// - Throws: `Failure`, or the store's error.
    func register(account: String, programId: String, known: (id: String, secret: String)?) throws -> Endpoint {
        switch context.configuration.stripeWebhookMode {
        case .account:
            do {
                return try accountEndpoint(account: account, programId: programId, known: known)
            } catch let refusal as WebhookEndpointRegistrar.NotPermitted {
                throw Failure.accountEndpointNotPermitted(refusal.error)
            }
        case .connect:
            return try platformEndpoint()
        case .auto:
            do {
                return try accountEndpoint(account: account, programId: programId, known: known)
            } catch let refusal as WebhookEndpointRegistrar.NotPermitted {
                logger.warning("account webhook endpoint not permitted, using the platform connect endpoint", [
                    .programID: programId, .accountID: account, .error: refusal.description,
                ])
                return try platformEndpoint()
            }
        }
    }

    private func accountEndpoint(account: String, programId: String, known: (id: String, secret: String)?) throws
        -> Endpoint
    {
        do {
            let registration = try WebhookEndpointRegistrar(context: context)
                .ensureAccountEndpoint(account: account, programId: programId, known: known)
            return Endpoint(
                kind: .account, id: registration.id, secret: registration.secret,
                url: context.webhookURL(programId: programId)
            )
        } catch let error as StripeAPIError {
            throw Failure.accountEndpoint(error)
        }
    }

    private func platformEndpoint() throws -> Endpoint {
        do {
            let record = try PlatformEndpointRegistrar(context: context).ensure()
            return Endpoint(kind: .connect, id: record.id, secret: nil, url: record.url)
        } catch let refusal as WebhookEndpointRegistrar.NotPermitted {
            throw Failure.platformEndpoint(refusal.error)
        } catch let error as StripeAPIError {
            throw Failure.platformEndpoint(error)
        }
    }
}
