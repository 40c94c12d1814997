import Foundation

/// Changes to store after one payment event: the payment, any conversion created or
/// changed, the subscription's attribution, the feed entries, and the event's outcome.
public struct AttributionDecision: Hashable, Sendable {
    public var outcome: StripeEventOutcome
    /// One sentence saying why, stored with the event.
    public var detail: String
    /// The payment record to save.
    public var payment: PaymentRecord
    /// A conversion to insert.
    public var createdConversion: Conversion?
    /// An existing conversion to update (refund, or Stripe ids learnt from a later event).
    public var updatedConversion: Conversion?
    /// A subscription attribution to insert or replace.
    public var subscription: SubscriptionAttribution?
    /// Entries to append to the conversion feed, in order.
    public var feedChanges: [FeedChange]

    public init(
        outcome: StripeEventOutcome,
        detail: String,
        payment: PaymentRecord,
        createdConversion: Conversion? = nil,
        updatedConversion: Conversion? = nil,
        subscription: SubscriptionAttribution? = nil,
        feedChanges: [FeedChange] = []
    ) {
        self.outcome = outcome
        self.detail = detail
        self.payment = payment
        self.createdConversion = createdConversion
        self.updatedConversion = updatedConversion
        self.subscription = subscription
        self.feedChanges = feedChanges
    }

    /// The conversion the event created or belongs to.
    public var conversionId: String? {
        createdConversion?.id ?? updatedConversion?.id ?? payment.conversionId
    }
}

/// One feed entry to append: the conversion as it was right after the change.
public struct FeedChange: Hashable, Sendable {
    public var type: FeedEntryType
    public var conversion: Conversion
    /// For refunds: the amount this refund returned, in minor units.
    public var refundAmount: Int64?
    /// For refunds: the commission this refund took back, in minor units.
    public var commissionReversal: Int64?

    public init(type: FeedEntryType, conversion: Conversion, refundAmount: Int64? = nil, commissionReversal: Int64? = nil) {
        self.type = type
        self.conversion = conversion
        self.refundAmount = refundAmount
        self.commissionReversal = commissionReversal
    }
}

/// The facts `PaymentAttributor` decides on, gathered by the server before it decides.
public struct AttributionInput: Sendable {
    public var eventId: String
    public var eventType: String
    /// The event's `created`, in Unix seconds.
    public var eventCreated: Int64
    public var facts: StripePaymentFacts
    /// The payment with `facts` already merged in (see `PaymentMatcher`).
    public var payment: PaymentRecord
    /// True when the matched records already held this very Stripe object.
    public var isRepeatedObject: Bool
    public var program: Program
    /// Stored clicks for the click ids in `facts`.
    public var clicks: [String: ReferralClick]
    /// The attribution of `payment`'s subscription, when one is stored.
    public var subscription: SubscriptionAttribution?
    /// The conversion `payment` already has, when it has one.
    public var conversion: Conversion?
    /// Id to give a conversion this event creates.
    public var newConversionID: String
    public var now: Date

    public init(
        eventId: String,
        eventType: String,
        eventCreated: Int64,
        facts: StripePaymentFacts,
        payment: PaymentRecord,
        isRepeatedObject: Bool,
        program: Program,
        clicks: [String: ReferralClick],
        subscription: SubscriptionAttribution?,
        conversion: Conversion?,
        newConversionID: String,
        now: Date
    ) {
        self.eventId = eventId
        self.eventType = eventType
        self.eventCreated = eventCreated
        self.facts = facts
        self.payment = payment
        self.isRepeatedObject = isRepeatedObject
        self.program = program
        self.clicks = clicks
        self.subscription = subscription
        self.conversion = conversion
        self.newConversionID = newConversionID
        self.now = now
    }

    /// When the payment was made, in Unix seconds: the object's `created`, else the event's.
    public var paidAt: Int64 {
        facts.created ?? eventCreated
    }
}
