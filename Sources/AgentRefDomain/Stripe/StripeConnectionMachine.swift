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
/// `fail` moves pending or connected to `error`; from `error` and `revoked` the operator
/// can request authorization again or disconnect.
public struct StripeConnectionMachine: Hashable, Sendable {
    public private(set) var status: StripeConnectionStatus

    public init(status: StripeConnectionStatus = .disconnected) {
        self.status = status
    }

    /// Something that happened to the connection.
    public enum Input: Hashable, Sendable {
        /// The operator asked for an `authUrl`.
        case requestAuthorization
        /// The OAuth callback brought a valid code for a Stripe account.
        case authorize
        /// The operator disconnected.
        case disconnect
        /// Stripe reported that access was withdrawn.
        case revoke
        /// Connecting or calling Stripe failed for good.
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
        switch (status, input) {
        case (.connected, .requestAuthorization):
            return nil
        case (_, .requestAuthorization):
            return .pending
        case (.pending, .authorize):
            return .connected
        case (_, .disconnect):
            return .disconnected
        case (.connected, .revoke), (.pending, .revoke), (.error, .revoke):
            return .revoked
        case (.pending, .fail), (.connected, .fail):
            return .error
        default:
            return nil
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
