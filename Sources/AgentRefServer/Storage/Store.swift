import AgentRefDomain
import Foundation

/// Storage of everything the server keeps.
///
/// `SQLiteStore` is the embedded implementation; the protocol keeps SQL out of the rest of
/// the server so that another database can follow. Every method is atomic on its own;
/// `transaction(_:)` groups several, and calls made inside its body on the same thread
/// join the transaction. Methods throw the backend's error when the database fails, and
/// `StoreError.duplicate` when a unique key is taken.
protocol Store: AnyObject, Sendable {
    func transaction<T>(_ body: () throws -> T) throws -> T

    // MARK: Programs, affiliates, clicks

    func insertProgram(_ program: Program) throws
    /// Reads the program with its Stripe fields (`stripeAccountId`, `stripeConnectedAt`, `stripeStatus`) filled.
    func program(id: String) throws -> Program?
    func programs(_ window: ListWindow) throws -> ListSlice<Program>

    func insertAffiliate(_ affiliate: Affiliate) throws
    func affiliate(id: String) throws -> Affiliate?
    func affiliate(programId: String, code: String) throws -> Affiliate?
    /// Affiliates of a program with `totalClicks`, `totalConversions` and `totalEarnings` filled.
    func affiliates(programId: String, window: ListWindow) throws -> ListSlice<Affiliate>
    func approvedAffiliateCount(programId: String) throws -> Int

    func insertClick(_ click: ReferralClick) throws
    func clicks(ids: [String]) throws -> [String: ReferralClick]

    // MARK: Stripe connection

    /// Reads the stored connection; returns a disconnected one when the program never connected.
    func stripeConnection(programId: String) throws -> StripeConnectionRecord
    func saveStripeConnection(_ connection: StripeConnectionRecord) throws
    /// Finds the program, other than `excludingProgramId`, that has `accountId`: it is
    /// connected to it, or an OAuth callback claimed it after `claimedSince`.
    func programHolding(account accountId: String, excludingProgramId: String, claimedSince: Date) throws -> String?
    /// Connections whose status is `connected`.
    func connectedStripeConnections() throws -> [StripeConnectionRecord]
    /// Finds the program whose events from `accountId` are stored under it: the one
    /// connected to the account, else the one most recently revoked or failed on it.
    func programReceivingEvents(account accountId: String) throws -> String?

    func insertOAuthState(_ state: OAuthStateRecord) throws
    func oauthState(_ state: String) throws -> OAuthStateRecord?
    /// Marks `state` and every other unused state of its program used, so only one callback
    /// per program gets past this point. Returns false, changing nothing, when `state` was
    /// already used or invalidated.
    func consumeOAuthState(_ state: String, at date: Date) throws -> Bool
    /// Marks every unused state of the program used, for example after a disconnect.
    func invalidateOAuthStates(programId: String, at date: Date) throws

    // MARK: Platform Connect endpoint

    /// Reads the server's platform Connect endpoint; nil before the first one is registered.
    func platformEndpoint() throws -> PlatformEndpointRecord?
    func savePlatformEndpoint(_ endpoint: PlatformEndpointRecord) throws
    /// Counts a delivery to `/webhooks/stripe/connect` rejected for its signature.
    func recordPlatformRejectedSignature(reason: String, at date: Date) throws
    /// Deliveries to `/webhooks/stripe/connect` rejected for their signature, by reason.
    func platformRejectedSignatureCounts() throws -> [String: Int]
    func lastPlatformRejectedSignatureAt() throws -> Date?
    /// Stores an event no program received; returns false, changing nothing, when that
    /// event id is stored already. Only the newest 1000 are kept.
    func insertUnroutedStripeEvent(_ event: UnroutedStripeEvent) throws -> Bool
    /// Reads the newest unrouted events, newest first.
    func unroutedStripeEvents(limit: Int) throws -> [UnroutedStripeEvent]
    func unroutedStripeEventCount() throws -> Int

    // MARK: Stripe cleanups

    func insertStripeCleanup(_ cleanup: StripeCleanupRecord) throws
    func updateStripeCleanup(_ cleanup: StripeCleanupRecord) throws
    func deleteStripeCleanup(id: String) throws
    func stripeCleanup(id: String) throws -> StripeCleanupRecord?
    /// Cleanups of the program, newest first, in either state.
    func stripeCleanups(programId: String) throws -> [StripeCleanupRecord]
    /// Cleanups the worker still has to try, oldest first.
    func pendingStripeCleanups() throws -> [StripeCleanupRecord]
    /// Deletes the program's cleanups of `accountId`, because the program connects it again.
    ///
    /// - Returns: The deleted cleanups.
    func takeOverStripeCleanups(programId: String, accountId: String) throws -> [StripeCleanupRecord]

    // MARK: Idempotency keys

    /// Stores the record of a new request; returns false, changing nothing, when the key's
    /// record exists already.
    func insertIdempotencyRecord(_ record: IdempotencyRecord) throws -> Bool
    func idempotencyRecord(keyFingerprint: String, idempotencyKey: String) throws -> IdempotencyRecord?
    func saveIdempotencyResponse(
        keyFingerprint: String, idempotencyKey: String, response: IdempotencyRecord.StoredResponse
    ) throws
    func deleteIdempotencyRecord(keyFingerprint: String, idempotencyKey: String) throws
    /// Deletes records created before `date`.
    func deleteIdempotencyRecords(createdBefore date: Date) throws

    // MARK: Stripe events

    /// Stores an event; returns false, changing nothing, when the program already has that event id.
    func insertStripeEvent(_ event: StoredStripeEvent) throws -> Bool
    func updateStripeEventOutcome(
        programId: String, eventId: String, outcome: StripeEventOutcome, detail: String, conversionId: String?
    ) throws
    func stripeEvents(programId: String, window: ListWindow) throws -> ListSlice<StripeEventSummary>
    func recordRejectedSignature(programId: String, reason: String, at date: Date) throws
    /// Rejected webhook deliveries of the program by reason, such as `["mismatch": 2]`.
    func rejectedSignatureCounts(programId: String) throws -> [String: Int]
    /// When the program's latest delivery was rejected for its signature, or nil when none was.
    func lastRejectedSignatureAt(programId: String) throws -> Date?

    /// Marks the program's earlier `unattributed` events whose payload names any of `ids`
    /// as `linked` to `conversionId`, because a later event of the same payment brought
    /// the click id. `detail` is appended to each event's original detail. Returns how many
    /// events changed.
    func relinkUnattributedEvents(programId: String, referencing ids: [String], conversionId: String, detail: String) throws -> Int

    // MARK: Payments and subscriptions

    /// Payments of the program that carry any of `ids` as one of their Stripe ids.
    func payments(programId: String, sharingAnyOf ids: [String]) throws -> [PaymentRecord]
    func savePayment(_ payment: PaymentRecord) throws
    func deletePayment(id: String) throws
    /// Payments of the program that credit no affiliate.
    func unattributedPaymentCount(programId: String) throws -> Int

    func subscription(programId: String, subscriptionId: String) throws -> SubscriptionAttribution?
    func saveSubscription(_ subscription: SubscriptionAttribution) throws

    // MARK: Conversions and feed

    func insertConversion(_ conversion: Conversion) throws
    func updateConversion(_ conversion: Conversion) throws
    /// Reads the conversion with `affiliateCode` and `programName` filled.
    func conversion(id: String) throws -> Conversion?
    /// Up to `limit` `pending` conversions created at least their program's
    /// `commissionHoldDays` before `date`, oldest first.
    func conversionsPastHold(at date: Date, limit: Int) throws -> [Conversion]
    /// Conversions newest first, with `affiliateCode` and `programName` filled.
    func conversions(_ filter: ConversionFilter, window: ListWindow) throws -> ListSlice<Conversion>
    /// - Parameter since: Conversions created at or after it are counted in `countSince`.
    func conversionTotals(programId: String?, since: Date) throws -> ConversionTotals

    /// Appends an entry; the store assigns the next sequence number.
    func appendFeedEntry(_ change: FeedChange, at date: Date) throws -> ConversionFeedEntry
    /// Entries with a sequence above `sequence`, oldest first.
    func feedEntries(after sequence: Int64, programId: String?, limit: Int) throws -> [ConversionFeedEntry]
    /// Reads the last `count` entries, oldest first.
    func latestFeedEntries(count: Int, programId: String?) throws -> [ConversionFeedEntry]
    func feedEntryCount(after sequence: Int64, programId: String?) throws -> Int
}

/// A failure the store reports in its own terms rather than the backend's.
enum StoreError: Error, CustomStringConvertible {
    /// A unique key is taken; `key` names it, such as `affiliate code jane20`.
    case duplicate(key: String)

    var description: String {
        switch self {
        case .duplicate(let key): "\(key) already exists"
        }
    }
}
