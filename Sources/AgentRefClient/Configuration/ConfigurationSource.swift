/// Where a resolved configuration value came from, for the status line and `--help`.
public enum ConfigurationSource: Hashable, Sendable, CustomStringConvertible {
    /// A command-line flag such as `--api-url`.
    case flag(String)
    /// An environment variable such as `AGENTREF_API_URL`.
    case environment(String)
    /// A key of the configuration file, such as `apiUrl` in `~/.config/agentref/config.json`.
    case configFile(path: String, key: String)
    /// A file that contains only the API key.
    case keyFile(path: String)
    /// The built-in default.
    case builtInDefault

    public var description: String {
        switch self {
        case .flag(let name): name
        case .environment(let name): "$\(name)"
        case .configFile(let path, let key): "\(key) in \(path)"
        case .keyFile(let path): "key file \(path)"
        case .builtInDefault: "default"
        }
    }
}
