import Foundation

/// The Stripe connection lifecycle as a pure state machine: the caller feeds it an
/// input and performs the I/O of the returned state, so the rules need no network to test.
///
/// ```
/// disconnected ──requestAuthorization──▶ pending ──authorize──▶ connected
///      ▲                                    │                      │
///      └─────────────── disconnect ─────────┴──────────────────────┤
///                                                     revoke ──▶ revoked
/// ```
///
/// Every status and input, with the resulting status (`—` rejects the input):
///
/// | status       | requestAuthorization | authorize | disconnect   | revoke  | fail  |
/// |--------------|----------------------|-----------|--------------|---------|-------|
/// | disconnected | pending              | —         | disconnected | —       | —     |
/// | pending      | pending              | connected | disconnected | revoked | error |
/// | connected    | —                    | —         | disconnected | revoked | error |
/// | revoked      | pending              | —         | disconnected | —       | —     |
/// | error        | pending              | —         | disconnected | revoked | —     |
///
/// A connected program must be disconnected before it can authorize another account, and
/// disconnecting is allowed (and harmless) from every status.
public struct StripeConnectionMachine: Hashable, Sendable {
    public private(set) var status: StripeConnectionStatus

    public init(status: StripeConnectionStatus = .disconnected) {
        self.status = status
    }

    /// Something that happened to the connection.
    public enum Input: String, Hashable, Sendable, CaseIterable {
        /// The operator asked for an `authUrl`.
        case requestAuthorization
        /// The OAuth callback brought a valid code for a Stripe account, and its webhook
        /// endpoint is registered.
        case authorize
        /// The operator disconnected.
        case disconnect
        /// Stripe reported that access was withdrawn (`account.application.deauthorized`),
        /// or the Stripe API rejected the platform's access to the account.
        case revoke
        /// Connecting or calling Stripe failed for a reason other than withdrawn access.
        case fail
    }

    /// Applies `input` and returns the new status.
    ///
    /// - Throws: `InvalidTransition` when `input` makes no sense in the current status, for
    ///   example `authorize` without a pending authorization; the status is then unchanged.
    @discardableResult
    public mutating func apply(_ input: Input) throws -> StripeConnectionStatus {
        guard let next = Self.next(from: status, on: input) else {
            throw InvalidTransition(from: status, input: input)
        }
        status = next
        return next
    }

    /// The status after `input`, or nil when the transition is not allowed.
    public static func next(from status: StripeConnectionStatus, on input: Input) -> StripeConnectionStatus? {
        switch status {
        case .disconnected: fromDisconnected(on: input)
        case .pending: fromPending(on: input)
        case .connected: fromConnected(on: input)
        case .revoked: fromRevoked(on: input)
        case .error: fromError(on: input)
        }
    }

    private static func fromDisconnected(on input: Input) -> StripeConnectionStatus? {
        switch input {
        case .requestAuthorization: .pending
        case .disconnect: .disconnected
        case .authorize, .revoke, .fail: nil
        }
    }

    private static func fromPending(on input: Input) -> StripeConnectionStatus? {
        switch input {
        case .requestAuthorization: .pending
        case .authorize: .connected
        case .disconnect: .disconnected
        case .revoke: .revoked
        case .fail: .error
        }
    }

    private static func fromConnected(on input: Input) -> StripeConnectionStatus? {
        switch input {
        case .disconnect: .disconnected
        case .revoke: .revoked
        case .fail: .error
        case .requestAuthorization, .authorize: nil
        }
    }

    private static func fromRevoked(on input: Input) -> StripeConnectionStatus? {
        switch input {
        case .requestAuthorization: .pending
        case .disconnect: .disconnected
        case .authorize, .revoke, .fail: nil
        }
    }

    private static func fromError(on input: Input) -> StripeConnectionStatus? {
        switch input {
        case .requestAuthorization: .pending
        case .disconnect: .disconnected
        case .revoke: .revoked
        case .authorize, .fail: nil
        }
    }

    /// An input that the current status does not accept.
    public struct InvalidTransition: Error, Hashable, CustomStringConvertible {
        public var from: StripeConnectionStatus
        public var input: Input

        public init(from: StripeConnectionStatus, input: Input) {
            self.from = from
            self.input = input
        }

        public var description: String {
            "cannot apply \(input) to a Stripe connection that is \(from.label)"
        }
    }
}
