extension SQLiteStore {
    /// Platform Connect endpoint: each connection records whether its events arrive through
    /// its own account endpoint or the server's one platform endpoint, whose id and secrets
    /// live in a table of their own. Deliveries to `/webhooks/stripe/connect` that fail the
    /// signature check are counted server-wide, and events there for an account of no
    /// program are kept with the reason.
    static let schemaVersion4 = """
        ALTER TABLE stripe_connections ADD COLUMN webhook_mode TEXT NOT NULL DEFAULT 'account';

        CREATE TABLE stripe_platform_endpoint (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),
            endpoint_id TEXT NOT NULL,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            previous_secret TEXT,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE platform_rejected_signatures (
            reason TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            last_at INTEGER NOT NULL
        );

        CREATE TABLE unrouted_stripe_events (
            event_id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            account TEXT,
            created INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            detail TEXT NOT NULL
        );
        """
}
