import Foundation
import ServiceKit
@testable import StripeSimulator
import XCTest

final class AuthorizePageTests: SimulatorTestCase {
    override func setUpWithError() throws {
        try startSimulator()
    }

    private func page(_ items: [(name: String, value: String)]) throws -> TestHTTPClient.Response {
        try get("/oauth/authorize?" + FormEncoding.encode(items))
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            let captured = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return String(text[Range(captured, in: text)!])
        }
    }

    /// Returns the hidden inputs of the page's form as name → value, entities decoded.
    private func hiddenInputs(in html: String) -> [String: String] {
        var result: [String: String] = [:]
        let inputs = matches(#"<input type="hidden" name="([a-z_]+)" value="([^"]*)">"#, in: html)
        for input in matches(#"(<input type="hidden"[^>]*>)"#, in: html) {
            let name = matches(#"name="([^"]*)""#, in: input).first ?? ""
            let value = matches(#"value="([^"]*)""#, in: input).first ?? ""
            result[name] = Self.decodeEntities(value)
        }
        XCTAssertEqual(inputs.count, result.count)
        return result
    }

    private static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func testPageHasOneFormPostingToAuthorize() throws {
        let response = try page(authorizeItems())

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertEqual(matches("<form", in: response.text).count, 1)
        XCTAssertTrue(response.text.contains(#"<form method="post" action="/oauth/authorize">"#))
    }

    func testFormCarriesAuthorizeParametersAsHiddenInputs() throws {
        let html = try page(authorizeItems(state: "state_123")).text
        let inputs = hiddenInputs(in: html)

        XCTAssertEqual(inputs["client_id"], Self.clientID)
        XCTAssertEqual(inputs["state"], "state_123")
        XCTAssertEqual(inputs["redirect_uri"], Self.callbackURL)
        XCTAssertEqual(inputs["scope"], "read_only")
        XCTAssertEqual(inputs["response_type"], "code")
    }

    func testFirstAccountIsTheOnlySelectedOption() throws {
        let html = try page(authorizeItems()).text
        let options = matches(#"(<option [^>]*>)"#, in: html)
        let selected = options.filter { $0.contains(" selected") }

        XCTAssertEqual(matches(#"<select [^>]*name="account""#, in: html).count, 1)
        XCTAssertEqual(options.count, SimulatedAccount.merchants.count)
        XCTAssertEqual(selected.count, 1)
        XCTAssertTrue(selected.first?.contains(#"value="\#(Self.northwind)""#) ?? false)
    }

    func testPageHasOneSubmitButtonWithoutName() throws {
        let html = try page(authorizeItems()).text
        let buttons = matches(#"(<button[^>]*>)"#, in: html)

        XCTAssertEqual(buttons.count, 1)
        XCTAssertTrue(buttons.first?.contains(#"type="submit""#) ?? false)
        XCTAssertFalse(buttons.first?.contains("name=") ?? true)
    }

    func testHostileStateIsEscaped() throws {
        let hostile = #""><script>alert('x')</script>&"#
        let html = try page(authorizeItems(state: hostile)).text

        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"))
        XCTAssertEqual(hiddenInputs(in: html)["state"], hostile)
    }

    func testHostileRedirectIsEscaped() throws {
        let hostile = #"http://127.0.0.1:9/cb?x="><img src=x onerror=alert(1)>"#
        let html = try page(authorizeItems(redirect: hostile)).text

        XCTAssertFalse(html.contains("<img"))
        XCTAssertEqual(hiddenInputs(in: html)["redirect_uri"], hostile)
    }

    func testInvalidParametersGet400NamingParameter() throws {
        var cases: [(items: [(name: String, value: String)], parameter: String)] = []
        cases.append((authorizeItems().filter { $0.name != "response_type" }, "response_type"))
        cases.append((authorizeItems().map { $0.name == "response_type" ? ($0.name, "token") : $0 }, "response_type"))
        cases.append((authorizeItems().filter { $0.name != "client_id" }, "client_id"))
        cases.append((authorizeItems().map { $0.name == "scope" ? ($0.name, "admin") : $0 }, "scope"))
        cases.append((authorizeItems().filter { $0.name != "redirect_uri" }, "redirect_uri"))
        cases.append((authorizeItems(redirect: "javascript:alert(1)"), "redirect_uri"))
        cases.append((authorizeItems(redirect: "/relative/callback"), "redirect_uri"))

        for (items, parameter) in cases {
            let response = try page(items)
            XCTAssertEqual(response.status, 400, "case \(parameter): \(items)")
            XCTAssertEqual(response.header("Content-Type"), "text/html; charset=utf-8")
            XCTAssertTrue(response.text.contains("The \(parameter) parameter"), "case \(parameter): \(response.text)")
        }
    }

    func testMissingScopeDefaultsToReadOnly() throws {
        let html = try page(authorizeItems().filter { $0.name != "scope" }).text
        XCTAssertEqual(hiddenInputs(in: html)["scope"], "read_only")
    }

    func testFormPostRedirectsWithCodeAndState() throws {
        let response = try postForm("/oauth/authorize", authorizeItems(state: "state 1&2") + [("account", Self.harbor)])
        let location = try XCTUnwrap(response.header("Location"))
        let query = Self.queryItems(of: location)

        XCTAssertEqual(response.status, 302)
        XCTAssertTrue(location.hasPrefix(Self.callbackURL + "?code=ac_"), location)
        XCTAssertEqual(query["state"], "state 1&2")
        XCTAssertTrue(query["code"]?.hasPrefix("ac_") ?? false)
    }

    func testUnchangedFormConnectsFirstAccount() throws {
        let html = try page(authorizeItems(state: "state_unchanged")).text
        let selectedAccount = try XCTUnwrap(matches(#"<option value="([^"]+)" selected>"#, in: html).first)
        let fields = hiddenInputs(in: html).map { (name: $0.key, value: $0.value) } + [("account", selectedAccount)]

        let redirect = try postForm("/oauth/authorize", fields)
        let query = Self.queryItems(of: try XCTUnwrap(redirect.header("Location")))
        let token = try exchange(code: try XCTUnwrap(query["code"])).jsonObject()

        XCTAssertEqual(query["state"], "state_unchanged")
        XCTAssertEqual(token["stripe_user_id"] as? String, Self.northwind)
    }

    func testRedirectKeepsExistingQueryOfRedirectURI() throws {
        let items = authorizeItems(redirect: "http://127.0.0.1:9/cb?program=prg_1") + [("account", Self.northwind)]
        let location = try XCTUnwrap(try postForm("/oauth/authorize", items).header("Location"))
        let query = Self.queryItems(of: location)

        XCTAssertTrue(location.hasPrefix("http://127.0.0.1:9/cb?program=prg_1&code=ac_"), location)
        XCTAssertEqual(query["program"], "prg_1")
        XCTAssertEqual(query["state"], "state_abc")
    }

    func testFormPostWithUnknownAccountGets400() throws {
        let response = try postForm("/oauth/authorize", authorizeItems() + [("account", "acct_unknown")])

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(response.text.contains("acct_unknown"))
    }

    func testDenyLinkRedirectsWithAccessDenied() throws {
        let html = try page(authorizeItems(state: "state_deny")).text
        let href = try XCTUnwrap(matches(#"<a href="(/oauth/authorize/deny\?[^"]*)">"#, in: html).first)

        let response = try get(Self.decodeEntities(href))
        let location = try XCTUnwrap(response.header("Location"))
        let query = Self.queryItems(of: location)

        XCTAssertEqual(response.status, 302)
        XCTAssertTrue(location.hasPrefix(Self.callbackURL + "?error=access_denied"), location)
        XCTAssertTrue(location.contains("error_description=The+user+denied+your+request"), location)
        XCTAssertEqual(query["state"], "state_deny")
        XCTAssertNil(query["code"])
    }
}
