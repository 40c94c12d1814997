import AgentRefDomain
import Foundation
import ServiceKit

/// Routes outside `/api/v1`, without bearer auth: health check, Stripe OAuth callback and
/// Stripe webhooks.
struct PublicRoutes {
    let context: ServerContext
    let cleanup: StripeCleanupWorker

    func register(into router: inout Router) {
        router.add("GET", "/healthz") { _ in
            .json(Data(#"{"status":"ok"}"#.utf8))
        }

        let callback = OAuthCallbackHandler(context: context, cleanup: cleanup)
        router.add("GET", "/oauth/stripe/callback") { request in
            callback.handle(request)
        }

        let receiver = WebhookReceiver(context: context, processor: StripeEventProcessor(context: context))
        let connectReceiver = ConnectWebhookReceiver(context: context, receiver: receiver)
        // Added before the per-program route, which would otherwise take `connect` as a program id.
        router.add("POST", "/webhooks/stripe/connect") { request in
            try connectReceiver.handle(request)
        }
        router.add("POST", "/webhooks/stripe/:programId") { request in
            try receiver.handle(request)
        }
    }
}
