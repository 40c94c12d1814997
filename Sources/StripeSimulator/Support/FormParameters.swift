import ServiceKit

/// The parameters of a Stripe API request in the bracket notation Stripe's libraries use:
/// `url=…`, arrays as `enabled_events[]=…` or `enabled_events[0]=…`, and hashes as
/// `metadata[key]=…`.
struct FormParameters {
    let items: [(name: String, value: String)]

    init(items: [(name: String, value: String)]) {
        self.items = items
    }

    /// Reads the form body of a POST, or the query string of any other request.
    init(request: HTTPRequest) {
        self.init(items: request.method == "POST" ? request.formItems : request.queryItems)
    }

    /// Returns the value of the last plain `name=…` item; nil when absent.
    func value(_ name: String) -> String? {
        items.last { $0.name == name }?.value
    }

    /// True when any item uses `name`, plain or with brackets.
    func contains(_ name: String) -> Bool {
        items.contains { Self.baseName(of: $0.name) == name }
    }

    /// Returns the values of `name[]` and `name[<index>]` items in the order sent; nil when none.
    func array(_ name: String) -> [String]? {
        let values = items.compactMap { item -> String? in
            guard let key = Self.bracketKey(of: item.name, base: name) else { return nil }
            return key.isEmpty || key.allSatisfy(\.isNumber) ? item.value : nil
        }
        return values.isEmpty ? nil : values
    }

    /// Returns the `name[key]=value` items as a dictionary, later items winning; nil when none.
    func hash(_ name: String) -> [String: String]? {
        var result: [String: String] = [:]
        for item in items {
            guard let key = Self.bracketKey(of: item.name, base: name), !key.isEmpty else { continue }
            result[key] = item.value
        }
        return result.isEmpty ? nil : result
    }

    /// Throws for the first parameter whose base name is not in `allowed`; `expand` is
    /// always allowed and ignored, as the simulator expands nothing.
    ///
    /// - Throws: `StripeAPIError.unknownParameter` naming the parameter as sent.
    func rejectUnknown(allowed: Set<String>) throws {
        for item in items {
            let base = Self.baseName(of: item.name)
            guard allowed.contains(base) || base == "expand" else {
                throw StripeAPIError.unknownParameter(item.name)
            }
        }
    }

    static func baseName(of name: String) -> String {
        guard let bracket = name.firstIndex(of: "[") else { return name }
        return String(name[..<bracket])
    }

    /// Returns the text between the brackets of `base[…]`, or nil when `name` has another form.
    static func bracketKey(of name: String, base: String) -> String? {
        guard name.hasPrefix(base + "["), name.hasSuffix("]") else { return nil }
        return String(name.dropFirst(base.count + 1).dropLast())
    }
}
