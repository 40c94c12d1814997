import AgentRefDomain
import Foundation

/// Where the client sends requests and with which key, plus the dashboard's theme, each
/// with the place it came from.
///
/// Build one with `resolve(overrides:environment:)`, which applies the order flags,
/// environment, configuration file, default. `description` never contains the key itself.
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    /// Base URL including the API version path, such as `https://www.agentref.co/api/v1`.
    public var baseURL: URL
    public var baseURLSource: ConfigurationSource
    /// The key to send as a bearer token; nil when none was configured.
    public var apiKey: APIKey?
    public var apiKeySource: ConfigurationSource?
    /// The theme to load, or nil for the dashboard's default theme.
    public var themeName: String?
    public var themeSource: ConfigurationSource?
    /// The configuration file that was consulted, whether or not it exists.
    public var configFilePath: String?

    /// Creates a configuration from known values, as tests and `agentref demo` do.
    public init(baseURL: URL, apiKey: APIKey?, themeName: String? = nil) {
        self.baseURL = baseURL
        self.baseURLSource = .builtInDefault
        self.apiKey = apiKey
        self.apiKeySource = apiKey == nil ? nil : .builtInDefault
        self.themeName = themeName
        self.themeSource = themeName == nil ? nil : .builtInDefault
    }

    /// The API key, or an error that says how to provide one.
    ///
    /// - Throws: INVALID_CONFIGURATION when no key was configured.
    public func requireAPIKey() throws -> APIKey {
        guard let apiKey else {
            throw AgentRefClientError.invalidConfiguration(
                "No API key configured. Set AGENTREF_API_KEY, pass --key-file PATH, or add \"keyFile\" to "
                    + (configFilePath ?? "the configuration file") + "."
            )
        }
        return apiKey
    }

    /// One row per setting, such as `("API URL", "http://127.0.0.1:8420/api/v1", "$AGENTREF_API_URL")`,
    /// for a status display. The key appears only redacted.
    public var settingRows: [(name: String, value: String, source: String)] {
        [
            ("API URL", baseURL.absoluteString, baseURLSource.description),
            ("API key", apiKey?.redacted ?? "not set", apiKeySource?.description ?? "—"),
            ("Theme", themeName ?? "default", themeSource?.description ?? "default"),
            ("Config file", configFilePath ?? "—", "—"),
        ]
    }

    public var description: String {
        let key = apiKey.map { "\($0.redacted) (\(apiKeySource?.description ?? "default"))" } ?? "not set"
        return "API \(baseURL.absoluteString) (\(baseURLSource)), key \(key), theme \(themeName ?? "default")"
    }
}
