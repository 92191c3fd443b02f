import Vapor

/// The limits of numbers read from a URL: every number is checked against one of these before
/// any arithmetic, so that an extreme value is a 400 naming the parameter, never an overflow.
enum QueryLimit {
    static let page = 1...1_000_000
    static let pageSize = 1...500
    static let year = 1900...2100
}

extension Request {
    private struct QueryValuesKey: StorageKey { typealias Value = [String: String] }

    /// The query string's parameters, read once per request (the pages ask for several): `+` is
    /// a space, values are percent-decoded, and of a repeated name the last value counts, as
    /// Vapor's own decoder reads them. A name with brackets (`a[]`) is kept as written.
    var queryValues: [String: String] {
        if let values = storage[QueryValuesKey.self] { return values }
        var values: [String: String] = [:]
        for pair in (url.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), !name.isEmpty, let value = parts.count > 1 ? decode(parts[1]) : "" else { continue }
            values[name] = value
        }
        storage[QueryValuesKey.self] = values
        return values
    }

    /// One parameter of the query string (see `queryValues`).
    func queryText(_ name: String) -> String? {
        queryValues[name]
    }

    /// A whole number from the query string within `range`, or `nil` when the parameter is absent
    /// or empty. Anything else is refused with a 400 that names the parameter and the range.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = queryText(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Abort(.badRequest, reason: localized(
                "De parameter \(name) moet een geheel getal van \(range.lowerBound) tot en met \(range.upperBound) zijn, niet '\(text.prefix(40))'.",
                "The parameter \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text.prefix(40))'."))
        }
        return number
    }

    /// An id from the query string, or `nil` when absent or empty; anything else is a 400 naming it.
    func uuid(_ name: String) throws -> UUID? {
        guard let text = queryText(name), !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw Abort(.badRequest, reason: localized("De parameter \(name) moet een id zijn, niet '\(text.prefix(40))'.",
                                                       "The parameter \(name) must be an id, not '\(text.prefix(40))'."))
        }
        return id
    }

    /// One of an enumeration's values from the query string (case-insensitive), or `nil` when the
    /// parameter is absent or empty. Anything else is a 400 that names the parameter and lists the
    /// values it can have.
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws -> Choice? where Choice.RawValue == String {
        guard let text = queryText(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let choice = Choice(rawValue: text) ?? Choice(rawValue: text.lowercased()) { return choice }
        let values = Choice.allCases.map(\.rawValue)
        let dutch = values.count > 1 ? values.dropLast().joined(separator: ", ") + " of " + values.last! : values.joined()
        let english = values.count > 1 ? values.dropLast().joined(separator: ", ") + " or " + values.last! : values.joined()
        throw Abort(.badRequest, reason: localized(
            "\(name.prefix(1).uppercased() + name.dropFirst()) '\(text.prefix(40))' bestaat niet; kies voor \(name) \(dutch).",
            "The \(name) '\(text.prefix(40))' does not exist; pick for \(name) \(english)."))
    }

    /// Every parameter of the query string by name (the last one of a name given twice), for an
    /// endpoint whose parameters depend on what is asked (an indicator's).
    func queryPairs() throws -> [String: String] {
        guard let components = URLComponents(string: url.string) else {
            throw Abort(.badRequest, reason: localized("De parameters van dit adres zijn niet te lezen.", "The parameters of this address cannot be read."))
        }
        var result: [String: String] = [:]
        for item in components.queryItems ?? [] { result[item.name] = item.value ?? "" }
        return result
    }

    /// `true` or `false` from the query string, `nil` when absent or empty; anything else is a 400 naming it.
    func flag(_ name: String) throws -> Bool? {
        guard let text = queryText(name)?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return nil }
        guard let value = Bool(text) else {
            throw Abort(.badRequest, reason: localized("De parameter \(name) is true of false, niet '\(text.prefix(40))'.",
                                                       "The parameter \(name) is true or false, not '\(text.prefix(40))'."))
        }
        return value
    }

    /// A day (`2025-03-14`) from the query string, or `nil` when absent or empty; anything else is a 400 naming it.
    func day(_ name: String) throws -> CalendarDay? {
        guard let text = queryText(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let day = CalendarDay(text) else {
            throw Abort(.badRequest, reason: localized("De parameter \(name) moet een datum zijn (jjjj-mm-dd), niet '\(text.prefix(40))'.",
                                                       "The parameter \(name) must be a date (yyyy-mm-dd), not '\(text.prefix(40))'."))
        }
        return day
    }

    /// The record a query parameter names by its key (`cluster=digital`), or `nil` when absent or
    /// empty. A key that names nothing is a 400 naming the parameter: the address exists, its
    /// parameter is wrong.
    func named<Record>(_ name: String, find: (String) async throws -> Record) async throws -> Record? {
        guard let key = queryText(name)?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { return nil }
        do {
            return try await find(String(key.prefix(200)))
        } catch let abort as AbortError where abort.status == .notFound {
            throw Abort(.badRequest, reason: localized("De parameter \(name): \(abort.reason)", "The parameter \(name): \(abort.reason)"))
        }
    }

    /// The page number `name` (from 1), 1 when absent.
    func page(_ name: String = "pagina") throws -> Int {
        try integer(name, in: QueryLimit.page) ?? 1
    }
}
