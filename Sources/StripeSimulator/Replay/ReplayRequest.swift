import AgentRefDomain
import Foundation

/// The body of `POST /_sim/replay`, validated:
/// `{"fixture":{…},"account":"acct_…","clicks":{"NAME":"cid_…"}}`.
struct ReplayRequest: Sendable {
    var fixture: AttributionFixture
    /// The account the events happen on and go to; the first merchant when the body names none.
    var account: SimulatedAccount
    /// Click name → click id, one for every click of the fixture.
    var cids: [String: String]

    /// Parses and validates a JSON body.
    ///
    /// - Throws: `StripeAPIError` 400 naming the invalid field and what to send instead.
    init(body: Data) throws {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body), value.objectValue != nil else {
            throw StripeAPIError.invalidParameter(
                "body",
                #"The request body must be a JSON object such as {"fixture":{…},"clicks":{"jane":"cid_…"}}."#
            )
        }
        fixture = try Self.fixture(in: value)
        account = try Self.account(in: value)
        cids = try Self.cids(in: value, for: fixture)
    }

    private static func fixture(in body: JSONValue) throws -> AttributionFixture {
        guard let object = body["fixture"], object.objectValue != nil else {
            throw StripeAPIError.invalidParameter("fixture", "Send the fixture file's object in field fixture.")
        }
        let fixture: AttributionFixture
        do {
            fixture = try JSONDecoder().decode(AttributionFixture.self, from: JSONEncoder().encode(object))
        } catch let error as DecodingError {
            throw StripeAPIError.invalidParameter(
                "fixture", "The fixture is invalid: \(FixtureCatalog.describe(error))."
            )
        }
        guard fixture.isReplayable else {
            throw StripeAPIError.invalidParameter(
                "fixture", "Fixture \(fixture.name) disconnects the program midway, which only the test suite can do; "
                    + "replay another fixture."
            )
        }
        return fixture
    }

    private static func account(in body: JSONValue) throws -> SimulatedAccount {
        guard let id = body["account"]?.stringValue, !id.isEmpty else { return SimulatedAccount.merchants[0] }
        guard let account = SimulatedAccount.merchant(id: id) else {
            let known = SimulatedAccount.merchants.map(\.id).joined(separator: ", ")
            throw StripeAPIError.invalidParameter("account", "Unknown account '\(id)'; send one of \(known).")
        }
        return account
    }

    private static func cids(in body: JSONValue, for fixture: AttributionFixture) throws -> [String: String] {
        let members = body["clicks"]?.objectValue ?? [:]
        var cids: [String: String] = [:]
        for (name, value) in members {
            guard let cid = value.stringValue, !cid.isEmpty else {
                throw StripeAPIError.invalidParameter(
                    "clicks.\(name)", "Field clicks.\(name) must be a click id string."
                )
            }
            cids[name] = cid
        }
        for name in fixture.clicks.keys.sorted() where cids[name] == nil {
            throw StripeAPIError.invalidParameter(
                "clicks", "Fixture \(fixture.name) needs a click id for click \(name) (affiliate "
                    + "\(fixture.clicks[name] ?? "")); record a click with POST /api/v1/clicks and send it in clicks."
            )
        }
        return cids
    }
}
