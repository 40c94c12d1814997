import AgentRefClient
import AgentRefTUI
import Foundation
import ServiceKit

/// Turns an error into a message on standard error and an exit code.
enum ErrorReporter {
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let usage as UsageError:
            Terminal.printError(usage.description)
            return ExitCode.usage
        case let client as AgentRefClientError:
            Terminal.printError(client.description + hint(for: client))
            return exitCode(for: client)
        case let transport as OutboundHTTPError:
            Terminal.printError(transport.description)
            return ExitCode.network
        case let theme as ThemeError:
            Terminal.printError(theme.description)
            return ExitCode.usage
        case let server as HTTPServerError:
            Terminal.printError(server.description)
            return ExitCode.usage
        default:
            Terminal.printError(String(describing: error))
            return ExitCode.failure
        }
    }

    static func exitCode(for error: AgentRefClientError) -> Int32 {
        switch error.code {
        case AgentRefClientError.unauthorizedCode, AgentRefClientError.forbiddenCode:
            ExitCode.authentication
        case AgentRefClientError.notFoundCode:
            ExitCode.notFound
        case AgentRefClientError.networkErrorCode:
            ExitCode.network
        case AgentRefClientError.conflictCode:
            ExitCode.conflict
        case AgentRefClientError.invalidConfigurationCode, AgentRefClientError.validationErrorCode,
             AgentRefClientError.badRequestCode:
            ExitCode.usage
        default:
            ExitCode.failure
        }
    }

    private static func hint(for error: AgentRefClientError) -> String {
        switch error.code {
        case AgentRefClientError.unauthorizedCode:
            "\nhint: check AGENTREF_API_KEY (or --key-file); keys start with ak_live_ or, locally, ak_test_"
        case AgentRefClientError.networkErrorCode:
            "\nhint: is the server running? Check AGENTREF_API_URL or --api-url"
        default:
            ""
        }
    }
}
