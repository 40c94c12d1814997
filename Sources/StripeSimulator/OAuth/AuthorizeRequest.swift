import Foundation
import ServiceKit

/// The parameters of Stripe Connect's authorize step, validated: `response_type=code`,
/// `client_id`, `scope`, `state` and `redirect_uri`.
struct AuthorizeRequest: Sendable {
    /// Scopes Stripe Connect OAuth grants; Stripe uses `read_only` when none is given.
    static let scopes = ["read_only", "read_write"]

    var clientID: String
    var scope: String
    /// Echoed back to the redirect URI unchanged; nil when the application sent none.
    var state: String?
    var redirectURI: String

    /// Validates the parameters of a query string or form.
    ///
    /// - Throws: `HTMLErrorPage` (400) naming the first missing or invalid parameter.
    init(parameters: FormParameters) throws {
        let responseType = parameters.value("response_type") ?? ""
        guard responseType == "code" else {
            throw Self.invalid(responseType.isEmpty
                ? "The response_type parameter is missing; it must be code."
                : "The response_type parameter is '\(responseType)'; it must be code.")
        }

        guard let clientID = parameters.value("client_id"), !clientID.isEmpty else {
            throw Self.invalid("The client_id parameter is missing; send the OAuth application's ca_… client id.")
        }

        let scope = parameters.value("scope").flatMap { $0.isEmpty ? nil : $0 } ?? "read_only"
        guard Self.scopes.contains(scope) else {
            throw Self.invalid("The scope parameter is '\(scope)'; it must be read_only or read_write.")
        }

        self.clientID = clientID
        self.scope = scope
        self.state = parameters.value("state").flatMap { $0.isEmpty ? nil : $0 }
        self.redirectURI = try Self.validatedRedirectURI(parameters.value("redirect_uri"))
    }

    /// Checks that `redirect_uri` is an absolute http or https URL with a host.
    ///
    /// - Throws: `HTMLErrorPage` (400) naming the parameter and its value.
    static func validatedRedirectURI(_ value: String?) throws -> String {
        guard let value, !value.isEmpty else {
            throw invalid("The redirect_uri parameter is missing; send the URL Stripe should return the user to.")
        }
        let components = URLComponents(string: value)
        let scheme = components?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let host = components?.host, !host.isEmpty else {
            throw invalid("The redirect_uri parameter '\(value)' is not an http or https URL.")
        }
        return value
    }

    /// The parameters again, for the hidden inputs of the form and the deny link.
    var parameterItems: [(name: String, value: String)] {
        [
            ("response_type", "code"),
            ("client_id", clientID),
            ("scope", scope),
            ("state", state ?? ""),
            ("redirect_uri", redirectURI),
        ]
    }

    /// `redirectURI` with `items` added to its query, and `state` after them when present.
    func redirectLocation(adding items: [(name: String, value: String)]) -> String {
        let query = FormEncoding.encode(items + (state.map { [("state", $0)] } ?? []))
        return Self.location(redirectURI, addingQuery: query)
    }

    /// Appends an already encoded `query` to the query of `url`, before any `#fragment`.
    static func location(_ url: String, addingQuery query: String) -> String {
        var base = url
        var fragment = ""
        if let hash = url.firstIndex(of: "#") {
            base = String(url[..<hash])
            fragment = String(url[hash...])
        }

        var separator = "?"
        if base.hasSuffix("?") || base.hasSuffix("&") {
            separator = ""
        } else if base.contains("?") {
            separator = "&"
        }
        return base + separator + query + fragment
    }

    private static func invalid(_ message: String) -> HTMLErrorPage {
        HTMLErrorPage(status: 400, title: "Invalid authorization request", message: message)
    }
}
