import AgentRefClient
import AgentRefDomain
import AgentRefLog
import Foundation

/// Performing the reducer's effects against the service, the terminal and the system.
extension DashboardController {
    /// Performs one effect: a service call in a task, or terminal and system work at once.
    func perform(_ effect: Effect) {
        switch effect {
        case .loadPrograms(let cursor, let limit):
            request(.programs(cursor: cursor)) { service in
                .programsLoaded(try await service.programs(cursor: cursor, limit: limit), replacing: cursor == nil)
            }
        case .loadProgram(let id):
            request(.program(id: id)) { .programLoaded(try await $0.program(id: id)) }
        case .loadStripeConnection(let programID):
            request(.stripeConnection(programID: programID)) {
                .stripeConnectionLoaded(try await $0.stripeConnection(programID: programID))
            }
        case .loadStripeEvents(let programID, let cursor, let limit):
            request(.stripeEvents(programID: programID, cursor: cursor)) { service in
                let log = try await service.stripeEventLog(programID: programID, cursor: cursor, limit: limit)
                return .stripeEventsLoaded(programID: programID, log, replacing: cursor == nil)
            }
        case .connectStripe(let programID):
            log.info("connect stripe requested", [.programID: programID])
            request(.connectStripe(programID: programID)) {
                .connectStripeFinished(try await $0.connectStripe(programID: programID))
            }
        case .disconnectStripe(let programID):
            log.info("disconnect stripe requested", [.programID: programID])
            request(.disconnectStripe(programID: programID)) {
                .disconnectStripeFinished(try await $0.disconnectStripe(programID: programID))
            }
        case .startFeed(let generation, let programID, let backlog):
            startFeed(generation: generation, programID: programID, backlog: backlog)
        case .stopFeed:
            stopFeed()
        case .copyToClipboard(let text):
            terminal.writeOutOfBand(OSC52.sequence(copying: text))
            log.info("authorization url sent to clipboard", [.count: String(text.count)])
            dispatch(.clipboardWritten(characters: text.count))
        case .openURL(let url):
            openURL(url)
        }
    }

    /// Runs `call` in a task and posts its result, or the failure as `requestFailed`.
    private func request(
        _ request: ServiceRequest,
        _ call: @escaping @Sendable (any AgentRefService) async throws -> AppAction
    ) {
        let service = self.service
        let inbox = self.inbox
        let log = self.log
        Task.detached {
            let result: Result<AppAction, Error>
            do {
                result = .success(try await call(service))
            } catch {
                result = .failure(error)
            }
            switch result {
            case .success(let action):
                inbox.post(action)
            case .failure(let error):
                let failure = DashboardController.clientError(from: error)
                log.warning("request failed", DashboardController.logMetadata(request, failure))
                inbox.post(.requestFailed(request, failure))
            }
        }
    }

    private func startFeed(generation: Int, programID: String?, backlog: Int) {
        stopFeed()
        log.info("feed started", [.programID: programID ?? "all", .feedGeneration: String(generation)])

        let service = self.service
        let inbox = self.inbox
        feedTask = Task.detached {
            for await update in service.conversionFeed(programID: programID, backlog: backlog) {
                if Task.isCancelled { break }
                inbox.post(.feedUpdated(update, generation: generation))
            }
        }
    }

    private func stopFeed() {
        guard let feedTask else { return }

        feedTask.cancel()
        self.feedTask = nil
        log.info("feed stopped")
    }

    private func openURL(_ url: String) {
        let outcome = opener.open(url)
        switch outcome {
        case .opened(let command):
            log.info("authorization url opened", [.command: command])
        case .noOpener:
            log.warning("no browser opener found", [.reason: "BROWSER unset and xdg-open missing"])
        case .failed(let command, let message):
            log.error("opening authorization url failed", [.command: command, .error: message])
        }
        dispatch(.urlOpenFinished(outcome))
    }
}
