import Foundation

extension SimulatorState {
    /// True when some OAuth application has an unrevoked grant for `account`.
    func isConnected(_ account: String) -> Bool {
        grants.contains { $0.account == account && $0.isActive }
    }

    /// Returns the most recent unrevoked grant for `account`.
    func activeGrant(for account: String) -> OAuthGrant? {
        grants.last { $0.account == account && $0.isActive }
    }

    /// Returns the grant whose access token is `token`, revoked or not.
    func grant(forAccessToken token: String) -> OAuthGrant? {
        grants.first { $0.accessToken == token }
    }

    /// Returns the grant whose refresh token is `token`, revoked or not.
    func grant(forRefreshToken token: String) -> OAuthGrant? {
        grants.first { $0.refreshToken == token }
    }

    /// Marks every unrevoked grant of `account` (of `clientID` only, when given) revoked.
    ///
    /// - Returns: How many grants were revoked.
    @discardableResult
    mutating func revokeGrants(of account: String, clientID: String? = nil, reason: String, at now: Date) -> Int {
        var count = 0
        for index in grants.indices where grants[index].account == account && grants[index].isActive {
            guard clientID == nil || grants[index].clientID == clientID else { continue }
            grants[index].revokedAt = now
            grants[index].revocationReason = reason
            count += 1
        }
        return count
    }

    /// Drops codes issued more than an hour ago; they can only be reported as expired, so
    /// keeping them longer serves no caller.
    mutating func pruneAuthorizationCodes(at now: Date) {
        authorizationCodes = authorizationCodes.filter { now.timeIntervalSince($0.value.createdAt) < 3600 }
    }
}
