import AgentRefDomain

/// One attribution scenario: a program, referral clicks, the Stripe events of a realistic
/// payment history in delivery order, and the conversions, totals and event outcomes the
/// AgentRef server must end up with.
///
/// The test suite delivers every fixture to a fresh server, and `POST /_sim/replay` sends
/// one to a connected account so a demo can show it. The file format is described in the
/// README of the fixture folder.
public struct AttributionFixture: Sendable, Decodable {
    /// The program a fixture runs against, as `POST /api/v1/programs` takes it.
    public struct ProgramSettings: Sendable, Decodable, Hashable {
        /// `one_time`, `recurring` or `recurring_limited`.
        public var commissionType: CommissionType
        public var commissionPercent: Double?
        /// Minor units of `currency`.
        public var commissionFixedAmount: Int64?
        public var commissionLimitMonths: Int?
        public var currency: String
    }

    /// The file name without `.json`, such as `refund-partial-twice`.
    public var name: String
    /// One line saying what happens, for `agentref trigger --help`.
    public var description: String
    /// The attribution rules the scenario exercises, such as `refunds`; see `AttributionRule`.
    public var rules: [AttributionRule]
    public var program: ProgramSettings
    /// The Stripe account the program is connected to; events name it in `account`.
    public var account: String
    /// Referral clicks to record before the events, by name: name → affiliate code. Events
    /// refer to a click's id as `{{click:NAME}}`.
    public var clicks: [String: String]
    /// Customers the Stripe API returns for `GET /v1/customers/{id}`, in Stripe's shape.
    public var customers: [JSONValue]
    public var steps: [FixtureStep]
    public var expected: FixtureExpectation

    enum CodingKeys: String, CodingKey {
        case name, description, rules, program, account, clicks, customers, steps, expected
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        rules = try container.decode([AttributionRule].self, forKey: .rules)
        program = try container.decode(ProgramSettings.self, forKey: .program)
        account = try container.decode(String.self, forKey: .account)
        clicks = try container.decodeIfPresent([String: String].self, forKey: .clicks) ?? [:]
        customers = try container.decodeIfPresent([JSONValue].self, forKey: .customers) ?? []
        steps = try container.decode([FixtureStep].self, forKey: .steps)
        expected = try container.decode(FixtureExpectation.self, forKey: .expected)
    }

    /// The affiliate codes the clicks credit, each once, sorted.
    public var affiliateCodes: [String] {
        Array(Set(clicks.values)).sorted()
    }

    /// True when the simulator can replay every step. A fixture that disconnects the program
    /// midway needs the AgentRef API, which only the test suite drives.
    public var isReplayable: Bool {
        steps.allSatisfy { step in
            if case .disconnect = step { return false }
            return true
        }
    }
}
