extension Conversion {
    /// This conversion with missing Stripe object ids filled in from `references`.
    public func fillingStripeReferences(from references: PaymentReferences) -> Conversion {
        var filled = self
        filled.stripeSessionId = stripeSessionId ?? references.checkoutSessionId
        filled.stripePaymentIntentId = stripePaymentIntentId ?? references.paymentIntentId
        filled.stripeChargeId = stripeChargeId ?? references.chargeId
        filled.stripeInvoiceId = stripeInvoiceId ?? references.invoiceId
        filled.stripeSubscriptionId = stripeSubscriptionId ?? references.subscriptionId
        filled.stripeCustomerId = stripeCustomerId ?? references.customerId
        return filled
    }
}
