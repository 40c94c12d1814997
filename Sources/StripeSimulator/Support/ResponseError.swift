import ServiceKit

/// An error that carries the HTTP response describing it, so route handlers can
/// throw it and the simulator's dispatcher sends it unchanged.
protocol ResponseError: Error {
    var response: HTTPResponse { get }
}
