/// A failed call to Stripe's API or Connect OAuth host.
enum StripeAPIError: Error, CustomStringConvertible {
    /// No HTTP response: connection refused, DNS failure or timeout.
    case unreachable(url: String, message: String)
    /// Stripe returned an error status; `type`, `code` and `message` come from
    /// Stripe's error JSON (`{"error":{"type","code","message"}}`, or for OAuth
    /// `{"error":"invalid_grant","error_description":…}`).
    case rejected(request: String, status: Int, type: String?, code: String?, message: String)
    /// A 2xx response whose body is not what Stripe documents.
    case invalidResponse(request: String, message: String)

    var description: String {
        switch self {
        case .unreachable(let url, let message):
            return "Stripe is unreachable at \(url): \(message); check that Stripe (or the simulator) is running "
                + "and that --stripe-url points at it"
        case .rejected(let request, let status, let type, let code, let message):
            let kind = [type, code].compactMap { $0 }.joined(separator: ", ")
            return "Stripe rejected \(request) with status \(status)\(kind.isEmpty ? "" : " (\(kind))"): \(message)"
        case .invalidResponse(let request, let message):
            return "Stripe sent an unexpected response to \(request): \(message)"
        }
    }

    /// True when trying again later may succeed: Stripe was unreachable or failed with 5xx or 429.
    var isRetryable: Bool {
        switch self {
        case .unreachable: true
        case .rejected(_, let status, _, _, _): status >= 500 || status == 429
        case .invalidResponse: false
        }
    }

    /// True when Stripe refused the platform's access to the connected account: a 403, or
    /// `account_invalid` or `api_key_expired`, as Stripe (and the simulator) send once the
    /// merchant withdrew access. A 401 without those codes means the platform's own key is
    /// wrong, which is not the merchant's doing, and a 403 that names a missing permission
    /// (`isExplicitPermissionRefusal`) means the grant's scope is too narrow, not that it is gone.
    var isAccessWithdrawn: Bool {
        guard case .rejected(_, let status, _, let code, _) = self, !isExplicitPermissionRefusal else { return false }
        return status == 403 || code == "account_invalid" || code == "api_key_expired"
    }

    /// True when Stripe rejected a write for lack of permission rather than for lost access.
    /// That is a 403 without `account_invalid` or `api_key_expired`, Stripe's
    /// `permission_error` type, or a `more_permissions_required_…` code, which Stripe sends
    /// to an OAuth application whose scope does not cover the request. Only meaningful for
    /// writes on an account the platform could just read, because a 403 on a read means
    /// lost access.
    var isPermissionDenied: Bool {
        guard case .rejected(_, let status, _, let code, _) = self else { return false }
        if code == "account_invalid" || code == "api_key_expired" { return false }
        return status == 403 || isExplicitPermissionRefusal
    }

    /// True when Stripe names the missing permission outright: the `permission_error` type
    /// or a `more_permissions_required_…` code. Unlike a bare 403, that never means lost
    /// access, so it counts as a refusal for lack of permission on reads too.
    var isExplicitPermissionRefusal: Bool {
        guard case .rejected(_, _, let type, let code, _) = self else { return false }
        return type == "permission_error" || code?.hasPrefix("more_permissions_required") == true
    }

    /// True when `POST /oauth/deauthorize` failed because the grant is already gone: Stripe
    /// returns 401 `invalid_client` for an account that is not connected to the platform,
    /// and 403 `account_invalid` when the account no longer exists for it.
    // NOTE: Stripe also returns 401 `invalid_client` to a wrong platform key, which this
    // cannot tell apart; such a key would fail every other call first.
    var isGrantGone: Bool {
        guard case .rejected(_, let status, _, let code, _) = self else { return false }
        return (status == 401 && code == "invalid_client") || isAccessWithdrawn
    }

    /// True for Stripe's `resource_missing`: the object does not exist, as opposed to a URL
    /// that Stripe does not serve at all.
    var isMissingObject: Bool {
        if case .rejected(_, _, _, let code, _) = self { return code == "resource_missing" }
        return false
    }

    /// True for Stripe's 404 `resource_missing`, which a delete can treat as done.
    var isResourceMissing: Bool {
        if case .rejected(_, let status, _, let code, _) = self {
            return status == 404 || code == "resource_missing"
        }
        return false
    }
}
