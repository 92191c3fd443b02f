import Analysis
import Foundation
import NIOConcurrencyHelpers

/// One thing wrong with one field of a record.
struct FieldProblem: Sendable, Equatable, Codable {
    let field: String
    let reason: String
}

/// The fields of a record that are wrong, each with the reason; nothing was written.
struct InvalidFields: Error, Sendable, CustomStringConvertible {
    let problems: [FieldProblem]

    var description: String { problems.map { "\($0.field): \($0.reason)" }.joined(separator: "; ") }

    init(_ problems: [FieldProblem]) { self.problems = problems }
    init(_ field: String, _ reason: String) { self.problems = [FieldProblem(field: field, reason: reason)] }
}

/// Checks the fields of one record and collects every problem by field name, so a form, the API
/// and a CSV import of the relations register give the same reasons for the same mistakes.
/// Text is trimmed; an empty optional field is nil.
struct FieldCheck {
    private(set) var problems: [FieldProblem] = []

    mutating func report(_ field: String, _ reason: String) {
        problems.append(FieldProblem(field: field, reason: reason))
    }

    func throwIfAny() throws {
        if !problems.isEmpty { throw InvalidFields(problems) }
    }

    /// Trimmed text that must be there.
    mutating func required(_ field: String, _ value: String?, maxLength: Int = 200) -> String? {
        guard let text = optional(field, value, maxLength: maxLength) else {
            report(field, localized("is verplicht", "is required"))
            return nil
        }
        return text
    }

    /// Trimmed text, nil when empty.
    mutating func optional(_ field: String, _ value: String?, maxLength: Int = 4000) -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= maxLength else {
            report(field, localized("is langer dan \(maxLength) tekens", "is longer than \(maxLength) characters"))
            return nil
        }
        return text
    }

    /// Exactly `length` digits (a KvK number has 8, an establishment number 12); nil when empty.
    mutating func digits(_ field: String, _ value: String?, length: Int, what: String) -> String? {
        guard let text = optional(field, value) else { return nil }
        guard text.count == length, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
            report(field, localized("'\(text)' is geen \(what): dat zijn precies \(length) cijfers", "'\(text)' is not a valid \(what): that is exactly \(length) digits"))
            return nil
        }
        return text
    }

    mutating func kvkNumber(_ field: String, _ value: String?) -> String? {
        digits(field, value, length: 8, what: localized("KvK-nummer", "KvK number"))
    }

    mutating func establishmentNumber(_ field: String, _ value: String?) -> String? {
        digits(field, value, length: 12, what: localized("vestigingsnummer", "establishment number"))
    }

    mutating func postcode(_ field: String, _ value: String?) -> String? {
        guard let text = optional(field, value) else { return nil }
        guard let postcode = RegisterCSV.postcode(text) else {
            report(field, localized("'\(text)' is geen postcode zoals 8011AB", "'\(text)' is not a Dutch postcode like 8011AB"))
            return nil
        }
        return postcode
    }

    /// An SBI 2008 code, with or without dots, as the register writes it (`62.01`).
    mutating func sbi(_ field: String, _ value: String?, reference: ReferenceData) -> String? {
        guard let text = optional(field, value) else { return nil }
        guard let code = reference.sbiCodeByDigits[SBI.digits(of: text)] else {
            report(field, localized("'\(text)' is geen SBI-code (SBI 2008)", "'\(text)' is not an SBI 2008 code"))
            return nil
        }
        return code
    }

    /// A CBS municipality code (`GM0193`, `0193`).
    mutating func municipality(_ field: String, _ value: String?, reference: ReferenceData) -> String? {
        guard let text = optional(field, value) else { return nil }
        guard let code = RegisterCSV.municipalityCode(text), reference.municipalityCodes.contains(code) else {
            report(field, localized("'\(text)' is geen CBS-gemeentecode (GM en vier cijfers)", "'\(text)' is not a CBS municipality code (GM and four digits)"))
            return nil
        }
        return code
    }

    /// A calendar date `2025-03-14`.
    mutating func date(_ field: String, _ value: String?) -> String? {
        guard let text = optional(field, value) else { return nil }
        guard CalendarDay(text) != nil else {
            report(field, localized("'\(text)' is geen datum als 2025-03-14", "'\(text)' is not a date like 2025-03-14"))
            return nil
        }
        return text
    }

    /// A calendar date that must be there.
    mutating func requiredDate(_ field: String, _ value: String?, missing: String? = nil) -> String? {
        guard optional(field, value) != nil else {
            report(field, missing ?? localized("is verplicht", "is required"))
            return nil
        }
        return date(field, value)
    }

    mutating func email(_ field: String, _ value: String?) -> String? {
        guard let text = optional(field, value, maxLength: 254) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else {
            report(field, localized("'\(text)' is geen e-mailadres", "'\(text)' is not an e-mail address"))
            return nil
        }
        return text.lowercased()
    }

    /// A web address; `https://` is added when no scheme is given.
    mutating func website(_ field: String, _ value: String?) -> String? {
        guard let text = optional(field, value, maxLength: 500) else { return nil }
        let address = text.contains("://") ? text : "https://" + text
        guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.contains(".") == true else {
            report(field, localized("'\(text)' is geen webadres", "'\(text)' is not a web address"))
            return nil
        }
        return address
    }

    /// One of the values of an enumeration (by its stored name).
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ field: String, _ value: String?, as type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = optional(field, value) else { return nil }
        guard let choice = Choice(rawValue: text.lowercased()) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            report(field, localized("'\(text)' kan niet; kies uit \(allowed)", "'\(text)' is not allowed; pick one of \(allowed)"))
            return nil
        }
        return choice
    }

    mutating func requiredChoice<Choice: RawRepresentable & CaseIterable>(_ field: String, _ value: String?, as type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        if optional(field, value) == nil {
            report(field, localized("is verplicht", "is required"))
            return nil
        }
        return choice(field, value, as: type)
    }

    /// A whole number in a range; nil when empty.
    mutating func count(_ field: String, _ value: String?, in range: ClosedRange<Int> = 0...Int(Int32.max)) -> Int? {
        guard let text = optional(field, value) else { return nil }
        guard let number = Int(text.replacingOccurrences(of: ".", with: "")), range.contains(number) else {
            report(field, localized("'\(text)' is geen heel getal van \(range.lowerBound) tot \(range.upperBound)",
                                    "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return number
    }

    /// A number such as `12.5` or `12,5` within ±1.000.000.000; nil when empty (reported when `required`).
    mutating func decimal(_ field: String, _ value: String?, required: Bool = false) -> Double? {
        guard let text = optional(field, value, maxLength: 40) else {
            if required { report(field, localized("is verplicht", "is required")) }
            return nil
        }
        let plain = text.replacingOccurrences(of: ",", with: ".")
        guard plain.range(of: "^-?[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil, let number = Double(plain), abs(number) <= 1e9 else {
            report(field, localized("'\(text)' is geen getal (bijv. 12,5)", "'\(text)' is not a number (e.g. 12.5)"))
            return nil
        }
        return number
    }

    /// `to` must not be before `from` (both `2025-03-14`).
    mutating func order(from: String?, to: String?, field: String) {
        if let from, let to, to < from {
            report(field, localized("de einddatum \(to) ligt vóór de begindatum \(from)", "the end date \(to) is before the start date \(from)"))
        }
    }
}

/// A calendar date without a time zone, written `2025-03-14`.
struct CalendarDay: Sendable, Hashable, Comparable {
    let year: Int, month: Int, day: Int

    init?(_ text: String) {
        // Exactly yyyy-mm-dd: ASCII digits with a hyphen after the year and the month.
        let characters = Array(text)
        guard characters.count == 10, characters[4] == "-", characters[7] == "-",
              characters.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element.isASCII && $0.element.isNumber) }) else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Today in the municipality's time. Asked on every request (cache keys), so the day is kept
    /// until it ends: making a calendar and a time zone each time costs more than the page.
    static var today: CalendarDay {
        let now = Date()
        if let kept = keptToday.withLockedValue({ $0 }), kept.from <= now, now < kept.until { return kept.day }
        let day = CalendarDay(now)
        keptToday.withLockedValue { $0 = (day, now, day.endOfDay) }
        return day
    }

    private static let keptToday = NIOLockedValueBox<(day: CalendarDay, from: Date, until: Date)?>(nil)

    /// The first moment after this day, in the municipality's time: what happened "by the day"
    /// happened before it.
    var endOfDay: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start
    }

    var text: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// As Dutch readers write it: 14-03-2025.
    var dutch: String { String(format: "%02d-%02d-%04d", day, month, year) }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    /// The same day `months` months earlier (the last day of the month when that day does not exist).
    func monthsEarlier(_ months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) - months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        var candidate = CalendarDay("\(String(format: "%04d-%02d-%02d", newYear, newMonth, day))")
        var lastDay = day
        while candidate == nil, lastDay > 28 {
            lastDay -= 1
            candidate = CalendarDay(String(format: "%04d-%02d-%02d", newYear, newMonth, lastDay))
        }
        return candidate ?? self
    }
}
