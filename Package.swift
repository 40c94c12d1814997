// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "agentref",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "agentref", targets: ["agentref"]),
    ],
    targets: [
        // System libraries from Debian's -dev packages (see scripts/bootstrap.sh).
        .systemLibrary(name: "CNCursesW", pkgConfig: "ncursesw"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto"),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd"),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode"),

        .target(name: "AgentRefDomain"),
        .target(name: "AgentRefLog"),
        .target(
            name: "ServiceKit",
            dependencies: ["AgentRefLog", "CMicroHTTPD", "CCrypto"]
        ),
        .target(
            name: "AgentRefClient",
            dependencies: ["AgentRefDomain", "AgentRefLog"]
        ),
        .target(
            name: "AgentRefTUI",
            dependencies: ["AgentRefDomain", "AgentRefClient", "AgentRefLog", "CNCursesW", "CQREncode"]
        ),
        .target(
            name: "AgentRefServer",
            dependencies: ["AgentRefDomain", "AgentRefLog", "ServiceKit", "CSQLite"]
        ),
        .target(
            name: "StripeSimulator",
            dependencies: ["AgentRefDomain", "AgentRefLog", "ServiceKit"]
        ),
        .target(
            name: "AgentRefCommands",
            dependencies: [
                "AgentRefDomain", "AgentRefLog", "AgentRefClient", "AgentRefTUI",
                "AgentRefServer", "StripeSimulator", "ServiceKit",
            ]
        ),
        .executableTarget(name: "agentref", dependencies: ["AgentRefCommands"]),

        .testTarget(name: "AgentRefDomainTests", dependencies: ["AgentRefDomain"]),
        .testTarget(name: "ServiceKitTests", dependencies: ["ServiceKit"]),
        .testTarget(
            name: "AgentRefClientTests",
            dependencies: ["AgentRefClient", "AgentRefServer", "StripeSimulator", "ServiceKit"]
        ),
        .testTarget(
            name: "AgentRefTUITests",
            dependencies: ["AgentRefTUI", "AgentRefClient"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "AgentRefServerTests",
            dependencies: ["AgentRefServer", "StripeSimulator", "ServiceKit", "AgentRefDomain", "AgentRefLog"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "AgentRefCommandsTests", dependencies: ["AgentRefCommands", "StripeSimulator"]),
        .testTarget(
            name: "StripeSimulatorTests",
            dependencies: ["StripeSimulator", "ServiceKit", "AgentRefDomain"]
        ),
    ]
)
