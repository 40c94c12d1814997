/// Process exit codes, distinct per kind of failure so scripts can react to each.
public enum ExitCode {
    public static let success: Int32 = 0
    /// Anything not covered below, such as a server error.
    public static let failure: Int32 = 1
    /// Wrong command-line usage: unknown option, missing argument, invalid value.
    public static let usage: Int32 = 2
    /// The API key is missing, unknown or not allowed to do this (401, 403).
    public static let authentication: Int32 = 3
    /// The program or other resource does not exist (404).
    public static let notFound: Int32 = 4
    /// The server could not be reached or did not respond in time.
    public static let network: Int32 = 5
    /// The request conflicts with the current state (409), such as a Stripe account
    /// already connected to another program.
    public static let conflict: Int32 = 6
}
