/// Extension routes this client found missing on the server (the hosted API has none of
/// them), so it stops asking for them.
actor RouteAvailability {
    enum Route: Hashable, Sendable {
        /// `GET /programs/{id}/stripe`.
        case stripeConnection
        /// `GET /conversions/stream`.
        case conversionStream
        /// `GET /conversions/events`.
        case conversionEvents
    }

    private var missing: Set<Route> = []

    func isMissing(_ route: Route) -> Bool {
        missing.contains(route)
    }

    func markMissing(_ route: Route) {
        missing.insert(route)
    }
}
