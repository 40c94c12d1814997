import AgentRefClient
import AgentRefDomain
import Foundation
import XCTest

final class ClientConfigurationTests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("agentref-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: home)
    }

    private var configDirectory: URL {
        home.appendingPathComponent(".config/agentref")
    }

    private var environment: [String: String] {
        ["HOME": home.path]
    }

    private func writeConfig(_ json: String, mode: Int = 0o600) throws {
        let url = configDirectory.appendingPathComponent("config.json")
        try Data(json.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    @discardableResult
    private func writeKeyFile(_ name: String, key: String, mode: Int) throws -> String {
        let url = configDirectory.appendingPathComponent(name)
        try Data((key + "\n").utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    private func resolveError(
        _ overrides: ConfigurationOverrides = .init(),
        environment extra: [String: String] = [:]
    ) -> AgentRefClientError? {
        do {
            _ = try ClientConfiguration.resolve(overrides: overrides, environment: environment.merging(extra) { $1 })
            return nil
        } catch {
            return error as? AgentRefClientError
        }
    }

    // MARK: Order of sources

    func testDefaultsToHostedAPIWithoutKey() throws {
        let configuration = try ClientConfiguration.resolve(environment: environment)

        XCTAssertEqual(configuration.baseURL.absoluteString, "https://www.agentref.co/api/v1")
        XCTAssertEqual(configuration.baseURLSource, .builtInDefault)
        XCTAssertNil(configuration.apiKey)
        XCTAssertNil(configuration.themeName)
    }

    func testFileBeatsDefault() throws {
        try writeConfig(#"{"apiUrl": "http://127.0.0.1:9000", "apiKey": "ak_test_fromfile1234", "theme": "dark"}"#)

        let configuration = try ClientConfiguration.resolve(environment: environment)

        XCTAssertEqual(configuration.baseURL.absoluteString, "http://127.0.0.1:9000/api/v1")
        XCTAssertEqual(configuration.apiKey?.secret, "ak_test_fromfile1234")
        XCTAssertEqual(configuration.themeName, "dark")
        let path = configDirectory.appendingPathComponent("config.json").path
        XCTAssertEqual(configuration.baseURLSource, .configFile(path: path, key: "apiUrl"))
        XCTAssertEqual(configuration.themeSource, .configFile(path: path, key: "theme"))
    }

    func testEnvironmentBeatsFile() throws {
        try writeConfig(#"{"apiUrl": "http://127.0.0.1:9000", "apiKey": "ak_test_fromfile1234", "theme": "dark"}"#)
        let variables = environment.merging([
            "AGENTREF_API_URL": "http://127.0.0.1:8420/api/v1",
            "AGENTREF_API_KEY": "ak_test_fromenv5678",
            "AGENTREF_THEME": "light",
        ]) { $1 }

        let configuration = try ClientConfiguration.resolve(environment: variables)

        XCTAssertEqual(configuration.baseURL.absoluteString, "http://127.0.0.1:8420/api/v1")
        XCTAssertEqual(configuration.baseURLSource, .environment("AGENTREF_API_URL"))
        XCTAssertEqual(configuration.apiKey?.secret, "ak_test_fromenv5678")
        XCTAssertEqual(configuration.apiKeySource, .environment("AGENTREF_API_KEY"))
        XCTAssertEqual(configuration.themeName, "light")
    }

    func testFlagsBeatEnvironment() throws {
        let keyPath = try writeKeyFile("flag-key", key: "ak_test_fromflagfile", mode: 0o600)
        let overrides = ConfigurationOverrides(apiURL: "https://proxy.example/agentref/api/v1", keyFile: keyPath, theme: "mono")
        let variables = environment.merging([
            "AGENTREF_API_URL": "http://127.0.0.1:8420",
            "AGENTREF_API_KEY": "ak_test_fromenv5678",
        ]) { $1 }

        let configuration = try ClientConfiguration.resolve(overrides: overrides, environment: variables)

        XCTAssertEqual(configuration.baseURL.absoluteString, "https://proxy.example/agentref/api/v1")
        XCTAssertEqual(configuration.baseURLSource, .flag("--api-url"))
        XCTAssertEqual(configuration.apiKey?.secret, "ak_test_fromflagfile")
        XCTAssertEqual(configuration.apiKeySource, .keyFile(path: keyPath))
        XCTAssertEqual(configuration.themeName, "mono")
    }

    func testEmptyEnvironmentVariableCountsAsUnset() throws {
        try writeConfig(#"{"apiUrl": "http://127.0.0.1:9000"}"#)

        let configuration = try ClientConfiguration.resolve(environment: environment.merging(["AGENTREF_API_URL": ""]) { $1 })

        XCTAssertEqual(configuration.baseURL.absoluteString, "http://127.0.0.1:9000/api/v1")
    }

    func testXDGConfigHomeLocatesFile() throws {
        let xdg = home.appendingPathComponent("xdg")
        try FileManager.default.createDirectory(at: xdg.appendingPathComponent("agentref"), withIntermediateDirectories: true)
        try Data(#"{"theme": "from-xdg"}"#.utf8).write(to: xdg.appendingPathComponent("agentref/config.json"))

        let configuration = try ClientConfiguration.resolve(environment: environment.merging(["XDG_CONFIG_HOME": xdg.path]) { $1 })

        XCTAssertEqual(configuration.themeName, "from-xdg")
        XCTAssertEqual(configuration.configFilePath, xdg.path + "/agentref/config.json")
    }

    func testRelativeKeyFileResolvesAgainstConfigFolder() throws {
        let keyPath = try writeKeyFile("key", key: "ak_test_relative9999", mode: 0o600)
        try writeConfig(#"{"keyFile": "key"}"#)

        let configuration = try ClientConfiguration.resolve(environment: environment)

        XCTAssertEqual(configuration.apiKey?.secret, "ak_test_relative9999")
        XCTAssertEqual(configuration.apiKeySource, .keyFile(path: keyPath))
    }

    // MARK: Base URL

    func testBareOriginGetsVersionPath() throws {
        let configuration = try ClientConfiguration.resolve(overrides: .init(apiURL: "http://127.0.0.1:8420"), environment: environment)

        XCTAssertEqual(configuration.baseURL.absoluteString, "http://127.0.0.1:8420/api/v1")
    }

    func testTrailingSlashIsRemoved() throws {
        let bare = try ClientConfiguration.resolve(overrides: .init(apiURL: "http://127.0.0.1:8420/"), environment: environment)
        let full = try ClientConfiguration.resolve(overrides: .init(apiURL: "HTTPS://example.com/api/v1/"), environment: environment)

        XCTAssertEqual(bare.baseURL.absoluteString, "http://127.0.0.1:8420/api/v1")
        XCTAssertEqual(full.baseURL.absoluteString, "https://example.com/api/v1")
    }

    func testNonHTTPURLIsInvalidConfiguration() {
        let error = resolveError(environment: ["AGENTREF_API_URL": "ftp://files.example/api"])

        XCTAssertEqual(error?.code, AgentRefClientError.invalidConfigurationCode)
        XCTAssertNil(error?.status)
        XCTAssertTrue(error?.message.contains("ftp://files.example/api") == true, error?.message ?? "no error")
        XCTAssertTrue(error?.message.contains("AGENTREF_API_URL") == true, error?.message ?? "no error")
    }

    func testURLWithoutSchemeIsInvalidConfiguration() {
        let error = resolveError(.init(apiURL: "127.0.0.1:8420"))

        XCTAssertEqual(error?.code, AgentRefClientError.invalidConfigurationCode)
        XCTAssertTrue(error?.message.contains("127.0.0.1:8420") == true, error?.message ?? "no error")
    }

    func testURLWithCredentialsIsRejectedWithoutEchoingThem() {
        let error = resolveError(.init(apiURL: "https://user:hunter2@example.com/api/v1"))

        XCTAssertEqual(error?.code, AgentRefClientError.invalidConfigurationCode)
        XCTAssertFalse(error?.message.contains("hunter2") ?? true)
    }

    // MARK: Key files

    func testKeyFileReadableByOthersIsRefused() throws {
        let keyPath = try writeKeyFile("open-key", key: "ak_test_openkey12345", mode: 0o644)

        let error = resolveError(.init(keyFile: keyPath))

        XCTAssertEqual(error?.code, AgentRefClientError.invalidConfigurationCode)
        XCTAssertTrue(error?.message.contains("chmod 600 \(keyPath)") == true, error?.message ?? "no error")
        XCTAssertFalse(error?.message.contains("ak_test_openkey12345") ?? true)
    }

    func testKeyFileReadableByGroupIsRefused() throws {
        let keyPath = try writeKeyFile("group-key", key: "ak_test_groupkey1234", mode: 0o640)

        let error = resolveError(.init(keyFile: keyPath))

        XCTAssertTrue(error?.message.contains("chmod 600") == true, error?.message ?? "no error")
    }

    func testConfigFileWithInlineKeyMustBePrivate() throws {
        try writeConfig(#"{"apiKey": "ak_test_inline123456"}"#, mode: 0o644)

        let error = resolveError()

        XCTAssertEqual(error?.code, AgentRefClientError.invalidConfigurationCode)
        XCTAssertTrue(error?.message.contains("chmod 600") == true, error?.message ?? "no error")
    }

    func testMissingKeyFileNamesPath() {
        let error = resolveError(.init(keyFile: "/nonexistent/agentref-key"))

        XCTAssertTrue(error?.message.contains("/nonexistent/agentref-key") == true, error?.message ?? "no error")
    }

    func testEmptyKeyFileIsRefused() throws {
        let keyPath = try writeKeyFile("empty-key", key: "  ", mode: 0o600)

        let error = resolveError(.init(keyFile: keyPath))

        XCTAssertTrue(error?.message.contains("empty") == true, error?.message ?? "no error")
    }

    func testConfigWithBothKeySettingsIsRejected() throws {
        try writeKeyFile("key", key: "ak_test_relative9999", mode: 0o600)
        try writeConfig(#"{"keyFile": "key", "apiKey": "ak_test_inline123456"}"#)

        let error = resolveError()

        XCTAssertTrue(error?.message.contains("both apiKey and keyFile") == true, error?.message ?? "no error")
    }

    // MARK: Configuration file

    func testMalformedConfigFileNamesPath() throws {
        try writeConfig("{ not json")

        let error = resolveError()

        XCTAssertEqual(error?.code, AgentRefClientError.invalidConfigurationCode)
        XCTAssertTrue(error?.message.contains("config.json") == true, error?.message ?? "no error")
    }

    func testConfigFileWithWrongTypeNamesKey() throws {
        try writeConfig(#"{"apiUrl": 8420}"#)

        let error = resolveError()

        XCTAssertTrue(error?.message.contains("apiUrl must be a string") == true, error?.message ?? "no error")
    }

    func testExplicitConfigFileMustExist() {
        let error = resolveError(.init(configFile: "/nonexistent/agentref.json"))

        XCTAssertTrue(error?.message.contains("/nonexistent/agentref.json") == true, error?.message ?? "no error")
    }

    // MARK: Display

    func testDescriptionNeverContainsKey() throws {
        let configuration = try ClientConfiguration.resolve(
            environment: environment.merging(["AGENTREF_API_KEY": "ak_test_secretvalue42"]) { $1 }
        )

        XCTAssertFalse(configuration.description.contains("ak_test_secretvalue42"))
        XCTAssertTrue(configuration.description.contains("ak_…ue42"))
        XCTAssertFalse(configuration.settingRows.map(\.value).joined().contains("secretvalue"))
    }

    func testSettingRowsNameSources() throws {
        let configuration = try ClientConfiguration.resolve(
            environment: environment.merging(["AGENTREF_API_URL": "http://127.0.0.1:8420"]) { $1 }
        )

        let urlRow = configuration.settingRows.first { $0.name == "API URL" }
        XCTAssertEqual(urlRow?.source, "$AGENTREF_API_URL")
        XCTAssertEqual(urlRow?.value, "http://127.0.0.1:8420/api/v1")
    }

    func testRequireAPIKeyExplainsHowToSetOne() throws {
        let configuration = try ClientConfiguration.resolve(environment: environment)

        XCTAssertThrowsError(try configuration.requireAPIKey()) { error in
            XCTAssertTrue(String(describing: error).contains("AGENTREF_API_KEY"))
        }
    }
}
