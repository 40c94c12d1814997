import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Simulated customers for the demo: once the operator connects a program, it records
/// referral clicks on the AgentRef server and has the Stripe simulator send the payment
/// events that follow, so conversions arrive on the live feed.
///
/// Every few seconds it picks one connected program and one step. Most steps are new
/// Checkout subscriptions or one-time payments. Some renew, refund or cancel an earlier
/// purchase, and some pay without a click id, which shows up as unattributed.
final class DemoTraffic: @unchecked Sendable {
    private let server: AgentRefAPICalls
    private let simulator: SimulatorControlClient
    private let logger: Logger
    /// Seconds between two purchases, chosen at random in this range.
    private let interval: ClosedRange<Double>
    private let lock = NSLock()
    private var running = false
    private var history = DemoHistory()
    private var thread: Thread?

    init(server: AgentRefAPICalls, simulator: SimulatorControlClient, logger: Logger, interval: ClosedRange<Double> = 2...5) {
        self.server = server
        self.simulator = simulator
        self.logger = logger
        self.interval = interval
    }

    func start() {
        lock.withLock { running = true }
        let thread = Thread { [weak self] in self?.loop() }
        thread.name = "demo-traffic"
        thread.start()
        self.thread = thread
        logger.info("demo traffic started")
    }

    func stop() {
        lock.withLock { running = false }
        logger.info("demo traffic stopped")
    }

    private var isRunning: Bool { lock.withLock { running } }

    private func loop() {
        while isRunning {
            sleepInterruptibly(Double.random(in: interval))
            guard isRunning else { return }
            do {
                try tick()
            } catch {
                logger.warning("demo traffic step failed", [.error: String(describing: error)])
            }
        }
    }

    /// Sleeps in short steps so `stop()` takes effect within a tenth of a second.
    private func sleepInterruptibly(_ seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    private func tick() throws {
        let programs = try server.connectedPrograms()
        guard let program = programs.randomElement() else { return }

        let action = history.nextAction(for: program.id)
        try perform(action, program: program)
    }

    private func perform(_ action: DemoAction, program: DemoProgram) throws {
        switch action {
        case .subscribe, .buyOnce, .buyWithoutClick:
            try purchase(action, program: program)
        case .renew(let subscription):
            try run(.init(scenario: "subscription-renewal", account: program.account, target: ["subscription": subscription]), program: program)
        case .refund(let charge, let amount):
            try run(.init(scenario: "refund", account: program.account, amount: amount, target: ["charge": charge]), program: program)
            history.forgetCharge(charge, program: program.id)
        case .cancel(let subscription):
            try run(.init(scenario: "subscription-canceled", account: program.account, target: ["subscription": subscription]), program: program)
            history.forgetSubscription(subscription, program: program.id)
        }
    }

    private func purchase(_ action: DemoAction, program: DemoProgram) throws {
        var cid: String?
        if action != .buyWithoutClick, let affiliate = try server.affiliateCodes(programID: program.id).randomElement() {
            cid = try server.recordClick(programID: program.id, affiliateCode: affiliate)
        }

        let scenario = action == .subscribe ? "checkout-subscription" : "checkout-payment"
        let amount = DemoPrices.random(for: program.currency)
        let result = try run(
            .init(scenario: scenario, account: program.account, cid: cid, amount: amount, currency: program.currency.lowercased()),
            program: program
        )
        history.remember(result.objects, amount: amount, program: program.id)
    }

    @discardableResult
    private func run(_ trigger: SimulatorControlClient.Trigger, program: DemoProgram) throws -> SimulatorControlClient.TriggerResult {
        let result = try simulator.trigger(trigger)
        logger.info("demo payment sent", [
            .scenario: trigger.scenario,
            .programID: program.id,
            .accountID: program.account,
            .count: String(result.events.count),
        ])
        return result
    }
}
