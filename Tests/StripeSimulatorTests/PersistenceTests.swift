import Foundation
@testable import StripeSimulator
import XCTest

final class PersistenceTests: SimulatorTestCase {
    private var dataDirectory: URL!

    override func setUpWithError() throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("stripe-sim-\(UUID().uuidString)")
        try startSimulator(Self.testConfiguration(dataDirectory: dataDirectory))
    }

    override func tearDown() {
        super.tearDown()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    private var stateFile: URL { dataDirectory.appendingPathComponent("stripe-sim.json") }

    func testConnectionEndpointAndObjectsSurviveRestart() throws {
        let token = try connect()
        let receiver = try makeReceiver()
        let endpoint = try createEndpoint(url: receiver.url())
        let signup = try trigger(["scenario": "checkout-subscription"])
        let subscription = try XCTUnwrap(signup.string(at: "objects.subscription"))

        try restartSimulator(Self.testConfiguration(dataDirectory: dataDirectory))
        let listing = try get("/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(token)"])
        let renewal = try trigger(["scenario": "subscription-renewal", "target": ["subscription": subscription]])
        let renewalEvents = receiver.received.dropFirst(3)
        let accounts = try get("/_sim/accounts").jsonObject()["data"] as? [[String: Any]] ?? []

        XCTAssertEqual(listing.status, 200)
        XCTAssertEqual((try listing.jsonObject()["data"] as? [[String: Any]])?.first?["id"] as? String, endpoint.id)
        XCTAssertEqual(renewal.string(at: "objects.subscription"), subscription)
        XCTAssertEqual(renewalEvents.count, 2)
        XCTAssertTrue(renewalEvents.allSatisfy { (try? $0.verify(secret: endpoint.secret)) != nil })
        XCTAssertEqual(accounts.first?["connected"] as? Bool, true)
    }

    func testUsedCodeStaysUsedAfterRestart() throws {
        let code = try authorizationCode()
        XCTAssertEqual(try exchange(code: code).status, 200)

        try restartSimulator(Self.testConfiguration(dataDirectory: dataDirectory))
        XCTAssertEqual(try exchange(code: code).status, 400)
    }

    func testStateFileIsPrivateAndAlone() throws {
        try connect()

        let attributes = try FileManager.default.attributesOfItem(atPath: stateFile.path)
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
        let files = try FileManager.default.contentsOfDirectory(atPath: dataDirectory.path)

        XCTAssertEqual(permissions, 0o600)
        XCTAssertEqual(files, ["stripe-sim.json"])
    }

    func testCorruptStateFileStopsStartWithPath() throws {
        app.stop()
        try Data("{not json".utf8).write(to: stateFile)
        let broken = StripeSimulatorApp(configuration: Self.testConfiguration(dataDirectory: dataDirectory), logger: .silent)

        XCTAssertThrowsError(try broken.start()) { error in
            XCTAssertTrue(String(describing: error).contains(self.stateFile.path), "\(error)")
            XCTAssertTrue(String(describing: error).contains("delete it"), "\(error)")
        }
    }

    func testMemoryOnlySimulatorForgetsOnRestart() throws {
        try restartSimulator(Self.testConfiguration())
        let token = try connect()

        try restartSimulator(Self.testConfiguration())
        let response = try get("/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(token)"])
        let accounts = try get("/_sim/accounts").jsonObject()["data"] as? [[String: Any]] ?? []

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(accounts.first?["connected"] as? Bool, false)
    }
}
