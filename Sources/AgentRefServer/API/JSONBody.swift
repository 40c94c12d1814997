import AgentRefDomain
import Foundation
import ServiceKit

/// A JSON object request body with typed, validated field access.
///
/// Absent fields and `null` are treated alike. Every failure is an `APIError`: BAD_REQUEST
/// when the body is not a JSON object (saying where parsing failed), VALIDATION_ERROR
/// naming the field, the expected value and what was sent.
struct JSONBody {
    let fields: [String: JSONValue]

    /// Parses the request body; an empty body is an empty object when `allowEmpty` is true.
    static func parse(_ request: HTTPRequest, allowEmpty: Bool = false) throws -> JSONBody {
        let text = String(decoding: request.body, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard allowEmpty else { throw APIError.badRequest("request body is empty; send a JSON object") }
            return JSONBody(fields: [:])
        }

        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: request.body)
        } catch {
            throw APIError.badRequest("request body is not valid JSON: \(parseFailureLocation(request.body))")
        }
        if value.isNull, allowEmpty { return JSONBody(fields: [:]) }
        guard let fields = value.objectValue else {
            throw APIError.badRequest("request body must be a JSON object such as {\"name\": \"…\"}")
        }
        return JSONBody(fields: fields)
    }

    /// Returns Foundation's description of where the JSON is broken, such as "Invalid value around character 8."
    private static func parseFailureLocation(_ body: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            return "unsupported JSON value"
        } catch {
            let nsError = error as NSError
            return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        }
    }

    private func value(_ field: String) -> JSONValue? {
        guard let value = fields[field], !value.isNull else { return nil }
        return value
    }

    func requiredString(_ field: String, maxLength: Int = 200) throws -> String {
        guard let text = try optionalString(field, maxLength: maxLength) else {
            throw APIError.validation("\(field) is required: send a non-empty string", field: field)
        }
        return text
    }

    /// Reads a trimmed string; an empty string counts as absent.
    func optionalString(_ field: String, maxLength: Int = 2000) throws -> String? {
        guard let value = value(field) else { return nil }
        guard let text = value.stringValue else {
            throw APIError.validation("\(field) must be a string, got \(Self.describe(value))", field: field)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw APIError.validation("\(field) must be at most \(maxLength) characters, got \(trimmed.count)", field: field)
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    func requiredNumber(_ field: String, in range: ClosedRange<Double>) throws -> Double {
        guard let number = try optionalNumber(field, in: range) else {
            throw APIError.validation(
                "\(field) is required: send a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))",
                field: field
            )
        }
        return number
    }

    func optionalNumber(_ field: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = value(field) else { return nil }
        guard case .number(let number) = value, range.contains(number) else {
            throw APIError.validation(
                "\(field) must be a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), "
                    + "got \(Self.describe(value))",
                field: field
            )
        }
        return number
    }

    func optionalInteger(_ field: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = value(field) else { return nil }
        guard let number = value.int64Value, range.contains(Int(number)) else {
            throw APIError.validation(
                "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(Self.describe(value))",
                field: field
            )
        }
        return Int(number)
    }

    func optionalBool(_ field: String) throws -> Bool? {
        guard let value = value(field) else { return nil }
        guard let flag = value.boolValue else {
            throw APIError.validation("\(field) must be true or false, got \(Self.describe(value))", field: field)
        }
        return flag
    }

    /// Reads one of the allowed raw values of `Choice`.
    func optionalChoice<Choice: RawRepresentable & CaseIterable>(
        _ field: String, as type: Choice.Type
    ) throws -> Choice? where Choice.RawValue == String {
        guard let value = value(field) else { return nil }
        guard let text = value.stringValue, let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw APIError.validation("\(field) must be one of \(allowed), got \(Self.describe(value))", field: field)
        }
        return choice
    }

    /// Renders a sent value for messages, truncated to 60 characters.
    static func describe(_ value: JSONValue) -> String {
        let data = (try? JSONEncoder().encode(value)) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int(number)) : String(number)
    }
}

/// Fixed sets of allowed strings for body fields.
enum ProgramStatusChoice: String, CaseIterable {
    case active, paused, archived
}

enum MarketplaceStatusChoice: String, CaseIterable {
    case `private`, draft, `public`
}

enum ConnectMethodChoice: String, CaseIterable {
    case oauthURL = "oauth_url"
}
