extension SQLiteStore {
    /// Schema migrations in order; migration `n` brings `user_version` to `n`.
    ///
    /// Dates are INTEGER milliseconds since 1970 UTC, amounts INTEGER minor units, and
    /// Stripe's own times INTEGER Unix seconds (columns named `created`, `started_at`,
    /// `stripe_created_at`). List order uses the implicit rowid, newest first.
    static let migrations: [String] = [schemaVersion1, schemaVersion2, schemaVersion3, schemaVersion4]

    private static let schemaVersion1 = """
        CREATE TABLE programs (
            id TEXT PRIMARY KEY,
            merchant_id TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            slug TEXT NOT NULL,
            website TEXT,
            landing_page_url TEXT,
            portal_slug TEXT,
            status TEXT NOT NULL,
            marketplace_status TEXT NOT NULL,
            commission_type TEXT NOT NULL,
            commission_percent REAL NOT NULL,
            commission_limit_months INTEGER,
            commission_hold_days INTEGER NOT NULL,
            cookie_duration INTEGER NOT NULL,
            payout_threshold INTEGER NOT NULL,
            currency TEXT NOT NULL,
            auto_approve_affiliates INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE affiliates (
            id TEXT PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs(id),
            user_id TEXT NOT NULL,
            code TEXT NOT NULL,
            status TEXT NOT NULL,
            name TEXT,
            email TEXT,
            created_at INTEGER NOT NULL,
            UNIQUE (program_id, code)
        );

        CREATE TABLE clicks (
            cid TEXT PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs(id),
            affiliate_id TEXT NOT NULL REFERENCES affiliates(id),
            created_at INTEGER NOT NULL
        );
        CREATE INDEX clicks_by_affiliate ON clicks (affiliate_id);

        CREATE TABLE stripe_connections (
            program_id TEXT PRIMARY KEY REFERENCES programs(id),
            status TEXT NOT NULL,
            stripe_account_id TEXT,
            webhook_endpoint_id TEXT,
            webhook_url TEXT,
            endpoint_secret TEXT,
            previous_endpoint_secret TEXT,
            subscribed_events TEXT NOT NULL DEFAULT '',
            auth_url TEXT,
            auth_expires_at INTEGER,
            connected_at INTEGER,
            last_event_at INTEGER,
            last_event_type TEXT,
            last_event_id TEXT,
            cleanup_pending INTEGER NOT NULL DEFAULT 0,
            cleanup_account_id TEXT,
            cleanup_endpoint_id TEXT,
            error_message TEXT,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE oauth_states (
            state TEXT PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs(id),
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER
        );
        CREATE INDEX oauth_states_by_program ON oauth_states (program_id);

        CREATE TABLE stripe_events (
            program_id TEXT NOT NULL REFERENCES programs(id),
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            account TEXT,
            created INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL,
            conversion_id TEXT,
            payload BLOB NOT NULL,
            PRIMARY KEY (program_id, event_id)
        );

        CREATE TABLE rejected_signatures (
            program_id TEXT NOT NULL REFERENCES programs(id),
            reason TEXT NOT NULL,
            count INTEGER NOT NULL,
            last_at INTEGER NOT NULL,
            PRIMARY KEY (program_id, reason)
        );

        CREATE TABLE payments (
            id TEXT PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs(id),
            checkout_session_id TEXT,
            payment_intent_id TEXT,
            charge_id TEXT,
            invoice_id TEXT,
            subscription_id TEXT,
            customer_id TEXT,
            kind TEXT NOT NULL,
            billing_reason TEXT,
            total_amount INTEGER,
            tax_amount INTEGER,
            amount_source TEXT,
            charge_amount INTEGER,
            currency TEXT,
            is_paid INTEGER NOT NULL,
            amount_refunded INTEGER NOT NULL,
            click_id TEXT,
            attribution_method TEXT,
            affiliate_id TEXT,
            conversion_id TEXT,
            seen_sources TEXT NOT NULL,
            stripe_created_at INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX payments_by_session ON payments (program_id, checkout_session_id);
        CREATE INDEX payments_by_payment_intent ON payments (program_id, payment_intent_id);
        CREATE INDEX payments_by_charge ON payments (program_id, charge_id);
        CREATE INDEX payments_by_invoice ON payments (program_id, invoice_id);
        CREATE INDEX payments_by_subscription ON payments (program_id, subscription_id);
        CREATE INDEX payments_by_customer ON payments (program_id, customer_id);

        CREATE TABLE subscriptions (
            program_id TEXT NOT NULL REFERENCES programs(id),
            subscription_id TEXT NOT NULL,
            affiliate_id TEXT NOT NULL,
            method TEXT NOT NULL,
            first_conversion_id TEXT,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            PRIMARY KEY (program_id, subscription_id)
        );

        CREATE TABLE conversions (
            id TEXT PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs(id),
            affiliate_id TEXT NOT NULL REFERENCES affiliates(id),
            amount INTEGER NOT NULL,
            commission INTEGER NOT NULL,
            commission_earned INTEGER NOT NULL,
            commission_reversed INTEGER NOT NULL,
            amount_refunded INTEGER NOT NULL,
            status TEXT NOT NULL,
            method TEXT NOT NULL,
            currency TEXT,
            stripe_session_id TEXT,
            stripe_event_type TEXT,
            stripe_event_id TEXT,
            stripe_payment_intent_id TEXT,
            stripe_charge_id TEXT,
            stripe_invoice_id TEXT,
            stripe_subscription_id TEXT,
            stripe_customer_id TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX conversions_by_program ON conversions (program_id);
        CREATE INDEX conversions_by_affiliate ON conversions (affiliate_id);

        CREATE TABLE conversion_feed (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            program_id TEXT NOT NULL REFERENCES programs(id),
            conversion_id TEXT NOT NULL,
            type TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            refund_amount INTEGER,
            commission_reversal INTEGER
        );
        CREATE INDEX conversion_feed_by_program ON conversion_feed (program_id, sequence);
        """

    /// Adds the fixed commission per payment, in minor units of the program's currency.
    private static let schemaVersion2 = """
        ALTER TABLE programs ADD COLUMN commission_fixed_amount INTEGER;
        """
}
