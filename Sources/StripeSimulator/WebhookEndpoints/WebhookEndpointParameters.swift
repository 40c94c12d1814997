import Foundation

/// Validation of the form parameters of `POST /v1/webhook_endpoints` and its update.
enum WebhookEndpointParameters {
    /// Checks that `url` is an absolute http or https URL with a host.
    ///
    /// - Throws: `StripeAPIError` 400 with `param: "url"`.
    static func validatedURL(_ value: String?) throws -> String {
        guard let value, !value.isEmpty else { throw StripeAPIError.missingParameter("url") }
        let components = URLComponents(string: value)
        let scheme = components?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", components?.host?.isEmpty == false else {
            throw StripeAPIError(
                status: 400, type: "invalid_request_error", code: "url_invalid", param: "url",
                message: "Invalid URL: '\(value)'. Send an absolute URL that starts with http:// or https://."
            )
        }
        return value
    }

    /// Checks that every entry is a known event type or `*`.
    ///
    /// - Throws: `StripeAPIError` 400 naming the first invalid entry as `enabled_events[i]`.
    static func validatedEvents(_ values: [String]?) throws -> [String] {
        guard let values, !values.isEmpty else { throw StripeAPIError.missingParameter("enabled_events") }
        for (index, type) in values.enumerated() where !KnownEventTypes.isAccepted(type) {
            throw StripeAPIError.invalidParameter(
                "enabled_events[\(index)]",
                "Invalid enabled_events[\(index)]: '\(type)' is not a known event type. Send * or a Stripe event "
                    + "type such as charge.succeeded."
            )
        }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Checks a dated API version such as `2024-06-20` or `2024-06-20.acacia`; nil and empty
    /// mean the account's default version.
    ///
    /// - Throws: `StripeAPIError` 400 with `param: "api_version"`.
    static func validatedAPIVersion(_ value: String?) throws -> String? {
        guard let value, !value.isEmpty else { return nil }
        let pattern = #"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$"#
        guard value.range(of: pattern, options: .regularExpression) != nil else {
            throw StripeAPIError.invalidParameter(
                "api_version", "Invalid API version: '\(value)'. Send a dated version such as 2024-06-20."
            )
        }
        return value
    }

    /// Parses `true` or `false`; nil when absent.
    ///
    /// - Throws: `StripeAPIError` 400 naming `name` for any other value.
    static func boolean(_ value: String?, name: String) throws -> Bool? {
        switch value {
        case nil: return nil
        case "true": return true
        case "false": return false
        case let other?:
            throw StripeAPIError.invalidParameter(name, "Invalid boolean: '\(other)'. Send true or false.")
        }
    }

    /// Applies `metadata[key]=value` items to `existing`: an empty value removes the key,
    /// and a plain `metadata=` with an empty value removes every key, as in Stripe.
    static func mergedMetadata(_ existing: [String: String], with parameters: FormParameters) -> [String: String] {
        var result = parameters.value("metadata") == "" ? [:] : existing
        for (key, value) in parameters.hash("metadata") ?? [:] {
            result[key] = value.isEmpty ? nil : value
        }
        return result
    }
}
