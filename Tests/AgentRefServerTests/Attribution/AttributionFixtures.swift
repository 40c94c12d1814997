import Foundation
import StripeSimulator
import XCTest

/// The attribution fixtures in `Tests/AgentRefServerTests/Fixtures/Attribution`.
enum AttributionFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Attribution")

    static func load() throws -> FixtureCatalog {
        try FixtureCatalog(directory: directory)
    }

    /// The fixture file's top-level object, as `POST /_sim/replay` takes it.
    static func fileObject(_ name: String) throws -> Any {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONSerialization.jsonObject(with: data)
    }

    /// Builds the body of `POST /api/v1/programs` for the fixture's program.
    static func programBody(_ fixture: AttributionFixture) -> [String: Any] {
        let settings = fixture.program
        var body: [String: Any] = [
            "name": "Fixture \(fixture.name)",
            "commissionType": settings.commissionType.rawValue,
            "currency": settings.currency,
        ]
        body["commissionPercent"] = settings.commissionPercent
        body["commissionFixedAmount"] = settings.commissionFixedAmount
        body["commissionLimitMonths"] = settings.commissionLimitMonths
        return body
    }
}
