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

    /// The body of `POST /api/v1/programs` for the fixture's program.
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
