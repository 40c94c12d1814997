import AgentRefDomain
import ServiceKit

extension APIRoutes {
    func registerAccount(into router: inout Router) {
        router.add("GET", "\(Self.prefix)/me") { request in
            let key = try authenticator.authenticate(request)
            let info = KeyInfo(
                keyType: "merchant",
                mode: key.isLive ? "live" : "test",
                keyLast4: String(key.secret.suffix(4)),
                merchantId: context.merchantId,
                companyName: context.companyName
            )
            return try request.writer.object(info)
        }
    }
}
