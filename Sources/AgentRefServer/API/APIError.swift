import AgentRefDomain

/// An error the API reports as `{"error":{"code","message","details"},"meta":{"requestId"}}`.
struct APIError: Error, CustomStringConvertible {
    var status: Int
    /// AgentRef's error code, such as `VALIDATION_ERROR`.
    var code: String
    /// What failed, on which value, and what to do, in one or two sentences.
    var message: String
    var details: JSONValue?
    /// Extra headers, such as `Allow` or `Retry-After`.
    var headers: [(name: String, value: String)] = []

    var description: String { "\(status) \(code): \(message)" }

    /// Malformed request, such as a body that is not JSON.
    static func badRequest(_ message: String, details: JSONValue? = nil) -> APIError {
        APIError(status: 400, code: "BAD_REQUEST", message: message, details: details)
    }

    /// Well-formed request with an invalid value; `field` names the parameter or body field.
    static func validation(_ message: String, field: String) -> APIError {
        APIError(status: 400, code: "VALIDATION_ERROR", message: message, details: .object(["field": .string(field)]))
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, code: "UNAUTHORIZED", message: message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, code: "NOT_FOUND", message: message)
    }

    static func conflict(_ message: String, details: JSONValue? = nil) -> APIError {
        APIError(status: 409, code: "CONFLICT", message: message, details: details)
    }

    /// A known path with another method; reported as `BAD_REQUEST` with status 405.
    static func methodNotAllowed(method: String, path: String, allowed: [String]) -> APIError {
        let list = allowed.joined(separator: ", ")
        return APIError(
            status: 405,
            code: "BAD_REQUEST",
            message: "method \(method) is not allowed on \(path); use \(list)",
            details: .object(["allowed": .array(allowed.map { .string($0) })]),
            headers: [("Allow", list)]
        )
    }

    static func payloadTooLarge(limit: Int) -> APIError {
        APIError(
            status: 413, code: "PAYLOAD_TOO_LARGE",
            message: "request body is larger than \(limit) bytes; send a smaller body"
        )
    }

    static func internalError(requestID: String) -> APIError {
        APIError(
            status: 500, code: "INTERNAL_ERROR",
            message: "the server failed to handle the request; try again, and quote request \(requestID) if it persists"
        )
    }

    /// The error of a fault the server injected on purpose (`serve --faults`), with the
    /// code the API uses for `status`.
    static func injectedFault(status: Int) -> APIError {
        let code: String
        switch status {
        case 401: code = "UNAUTHORIZED"
        case 403: code = "FORBIDDEN"
        case 404: code = "NOT_FOUND"
        case 409: code = "CONFLICT"
        case 429: code = "RATE_LIMITED"
        case 400..<500: code = "BAD_REQUEST"
        default: code = "INTERNAL_ERROR"
        }
        return APIError(
            status: status, code: code,
            message: "injected fault: the server runs with --faults and returned status \(status) on purpose; retry the request"
        )
    }

    static func notFound(program id: String) -> APIError {
        notFound("Program \(id) not found")
    }
}
