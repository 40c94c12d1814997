extension SQLiteStore {
    /// Stripe lifecycle: the claim of the OAuth callback in flight, cleanups on Stripe as
    /// rows of their own (a program can leave more than one account to clean up), and the
    /// responses of POST requests made with an `Idempotency-Key`.
    ///
    /// The single cleanup of each connection moves into `stripe_cleanups`.
    static let schemaVersion3 = """
        ALTER TABLE stripe_connections ADD COLUMN authorizing_state TEXT;
        ALTER TABLE stripe_connections ADD COLUMN authorizing_account_id TEXT;
        ALTER TABLE stripe_connections ADD COLUMN authorizing_since INTEGER;

        CREATE TABLE stripe_cleanups (
            id TEXT PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs(id),
            account_id TEXT NOT NULL,
            endpoint_id TEXT,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            message TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX stripe_cleanups_by_program ON stripe_cleanups (program_id);

        INSERT INTO stripe_cleanups (id, program_id, account_id, endpoint_id, state, attempts, message, created_at,
            updated_at)
        SELECT 'cln_' || program_id, program_id, cleanup_account_id, cleanup_endpoint_id, 'pending', 0, NULL,
            updated_at, updated_at
        FROM stripe_connections WHERE cleanup_pending = 1 AND cleanup_account_id IS NOT NULL;

        ALTER TABLE stripe_connections DROP COLUMN cleanup_pending;
        ALTER TABLE stripe_connections DROP COLUMN cleanup_account_id;
        ALTER TABLE stripe_connections DROP COLUMN cleanup_endpoint_id;

        CREATE TABLE idempotency_keys (
            key_fingerprint TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            body_fingerprint TEXT NOT NULL,
            status INTEGER,
            content_type TEXT,
            body BLOB,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (key_fingerprint, idempotency_key)
        );
        """
}
