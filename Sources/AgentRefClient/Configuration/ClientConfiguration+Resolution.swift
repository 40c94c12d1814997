import AgentRefDomain
import Foundation

extension ClientConfiguration {
    /// Environment variable with the API base URL, including `/api/v1`.
    public static let apiURLVariable = "AGENTREF_API_URL"
    /// Environment variable with the API key.
    public static let apiKeyVariable = "AGENTREF_API_KEY"
    /// Environment variable with the theme name.
    public static let themeVariable = "AGENTREF_THEME"

    /// Resolves each setting from, in order: `overrides` (flags), the environment, the
    /// configuration file, and the built-in default (`https://www.agentref.co/api/v1`, no
    /// key, default theme).
    ///
    /// The configuration file is `overrides.configFile` when given, else
    /// `$XDG_CONFIG_HOME/agentref/config.json` (`~/.config/agentref/config.json` when
    /// `XDG_CONFIG_HOME` is unset or not absolute). Empty environment variables count as unset.
    ///
    /// - Throws: INVALID_CONFIGURATION for a URL that is not http(s), a key file that other
    ///   users can read, a configuration file that is not valid JSON, or an explicitly named
    ///   file that does not exist. The message names the value and the fix.
    public static func resolve(
        overrides: ConfigurationOverrides = .init(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClientConfiguration {
        let filePath = overrides.configFile ?? defaultConfigFilePath(environment: environment)
        if overrides.configFile != nil, !FileManager.default.fileExists(atPath: filePath) {
            throw AgentRefClientError.invalidConfiguration(
                "Configuration file not found: \(filePath). Check the path given with --config."
            )
        }
        let file = try ConfigurationFile.load(atPath: filePath)

        var configuration = ClientConfiguration(baseURL: APIBaseURL.hosted, apiKey: nil)
        configuration.configFilePath = filePath
        try configuration.resolveBaseURL(overrides: overrides, environment: environment, file: file, filePath: filePath)
        try configuration.resolveKey(overrides: overrides, environment: environment, file: file, filePath: filePath)
        configuration.resolveTheme(overrides: overrides, environment: environment, file: file, filePath: filePath)

        return configuration
    }

    /// `$XDG_CONFIG_HOME/agentref/config.json`, or `$HOME/.config/agentref/config.json`.
    public static func defaultConfigFilePath(environment: [String: String]) -> String {
        let configHome: String
        if let xdg = nonEmpty(environment["XDG_CONFIG_HOME"]), xdg.hasPrefix("/") {
            configHome = xdg
        } else {
            configHome = homeDirectory(environment: environment) + "/.config"
        }
        return configHome + "/agentref/config.json"
    }

    private mutating func resolveBaseURL(
        overrides: ConfigurationOverrides,
        environment: [String: String],
        file: ConfigurationFile?,
        filePath: String
    ) throws {
        let candidates: [(String?, ConfigurationSource)] = [
            (overrides.apiURL, .flag("--api-url")),
            (environment[Self.apiURLVariable], .environment(Self.apiURLVariable)),
            (file?.apiUrl, .configFile(path: filePath, key: "apiUrl")),
        ]
        guard let (text, source) = Self.firstPresent(candidates) else { return }

        baseURL = try APIBaseURL.normalize(text, source: source)
        baseURLSource = source
    }

    private mutating func resolveKey(
        overrides: ConfigurationOverrides,
        environment: [String: String],
        file: ConfigurationFile?,
        filePath: String
    ) throws {
        if let key = overrides.apiKey, !key.secret.isEmpty {
            (apiKey, apiKeySource) = (key, .flag("--api-key"))
        } else if let path = Self.nonEmpty(overrides.keyFile) {
            (apiKey, apiKeySource) = (try KeyFileReader.readKey(atPath: path), .keyFile(path: path))
        } else if let secret = Self.nonEmpty(environment[Self.apiKeyVariable]) {
            (apiKey, apiKeySource) = (APIKey(secret), .environment(Self.apiKeyVariable))
        } else if let file {
            try resolveKey(from: file, filePath: filePath, environment: environment)
        }
    }

    private mutating func resolveKey(from file: ConfigurationFile, filePath: String, environment: [String: String]) throws {
        let keyFile = Self.nonEmpty(file.keyFile)
        let inlineKey = Self.nonEmpty(file.apiKey)

        if keyFile != nil, inlineKey != nil {
            throw AgentRefClientError.invalidConfiguration(
                "The configuration file \(filePath) sets both apiKey and keyFile; keep only one of them."
            )
        }

        if let keyFile {
            let path = Self.expand(keyFile, relativeTo: filePath, environment: environment)
            (apiKey, apiKeySource) = (try KeyFileReader.readKey(atPath: path), .keyFile(path: path))
        } else if let inlineKey {
            try KeyFileReader.checkPermissions(ofPath: filePath)
            (apiKey, apiKeySource) = (APIKey(inlineKey), .configFile(path: filePath, key: "apiKey"))
        }
    }

    private mutating func resolveTheme(
        overrides: ConfigurationOverrides,
        environment: [String: String],
        file: ConfigurationFile?,
        filePath: String
    ) {
        let candidates: [(String?, ConfigurationSource)] = [
            (overrides.theme, .flag("--theme")),
            (environment[Self.themeVariable], .environment(Self.themeVariable)),
            (file?.theme, .configFile(path: filePath, key: "theme")),
        ]
        guard let (name, source) = Self.firstPresent(candidates) else { return }

        themeName = name
        themeSource = source
    }

    private static func firstPresent(_ candidates: [(String?, ConfigurationSource)]) -> (String, ConfigurationSource)? {
        for (value, source) in candidates {
            if let value = nonEmpty(value) { return (value, source) }
        }
        return nil
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }

    /// Expands `~/` to the home directory and resolves a relative path against the folder
    /// of the configuration file.
    private static func expand(_ path: String, relativeTo filePath: String, environment: [String: String]) -> String {
        if path.hasPrefix("~/") {
            return homeDirectory(environment: environment) + String(path.dropFirst())
        }
        if path.hasPrefix("/") {
            return path
        }
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        return folder.appendingPathComponent(path).path
    }

    private static func homeDirectory(environment: [String: String]) -> String {
        nonEmpty(environment["HOME"]) ?? FileManager.default.homeDirectoryForCurrentUser.path
    }
}
