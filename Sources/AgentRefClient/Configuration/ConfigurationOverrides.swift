import AgentRefDomain

/// Values given explicitly, usually as command-line flags; they win over the environment
/// and the configuration file.
public struct ConfigurationOverrides: Hashable, Sendable {
    /// `--api-url`: base URL with or without `/api/v1`.
    public var apiURL: String?
    /// `--api-key`: the key itself.
    public var apiKey: APIKey?
    /// `--key-file`: a file that contains only the key, readable by its owner alone.
    public var keyFile: String?
    /// `--theme`: theme name.
    public var theme: String?
    /// `--config`: configuration file to read in place of the default location.
    public var configFile: String?

    public init(
        apiURL: String? = nil,
        apiKey: APIKey? = nil,
        keyFile: String? = nil,
        theme: String? = nil,
        configFile: String? = nil
    ) {
        self.apiURL = apiURL
        self.apiKey = apiKey
        self.keyFile = keyFile
        self.theme = theme
        self.configFile = configFile
    }
}
