import Fluent
import Foundation
import Vapor

/// A manual indicator's value as the form or the API gives it.
struct ManualValueInput: Content, Sendable, Equatable {
    var series: String?
    var name: String?
    var unit: String?
    var date: String?
    var value: String?
    var source: String?

    init(series: String? = nil, name: String? = nil, unit: String? = nil, date: String? = nil, value: String? = nil, source: String? = nil) {
        (self.series, self.name, self.unit, self.date, self.value, self.source) = (series, name, unit, date, value, source)
    }

    /// From a form (text) or the API (`value` a number).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        (series, name, unit, date, source) = (try container.decodeIfPresent(String.self, forKey: .series), try container.decodeIfPresent(String.self, forKey: .name),
                                              try container.decodeIfPresent(String.self, forKey: .unit), try container.decodeIfPresent(String.self, forKey: .date),
                                              try container.decodeIfPresent(String.self, forKey: .source))
        if let number = try? container.decodeIfPresent(Double.self, forKey: .value) { value = Format.plain(number) }
        else { value = try container.decodeIfPresent(String.self, forKey: .value) }
    }

    struct Values: Sendable, Equatable {
        let series, name, unit: String
        let date: CalendarDay
        let value: Double
        let source: String
    }

    func validated() throws -> Values {
        var check = FieldCheck()
        let series = check.required("series", self.series?.lowercased(), maxLength: 40)
        if let series, series.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
            check.report("series", localized("'\(series)' kan niet: gebruik kleine letters, cijfers en streepjes", "'\(series)' cannot be used: use lower-case letters, digits and hyphens"))
        }
        let name = check.required("name", self.name), unit = check.optional("unit", self.unit, maxLength: 40)
        let date = check.requiredDate("date", self.date).flatMap(CalendarDay.init)
        if let date, date > .today { check.report("date", localized("\(date.text) ligt in de toekomst", "\(date.text) is in the future")) }
        let value = check.decimal("value", self.value, required: true), source = check.required("source", self.source, maxLength: 500)
        try check.throwIfAny()
        return Values(series: series!, name: name!, unit: unit ?? "", date: date!, value: value!, source: source!)
    }
}

/// Manual indicators' values: adding one (a day holds one value per series) and deleting one, audited.
struct ManualValueService {
    let database: Database
    let actor: Audit.Actor

    @discardableResult
    func add(_ values: ManualValueInput.Values) async throws -> ManualValue {
        if try await ManualValue.query(on: database).filter(\.$series == values.series).filter(\.$date == values.date.text).count() > 0 {
            throw InvalidFields("date", localized("\(values.series) heeft al een waarde op \(values.date.text); verwijder die eerst",
                                                  "\(values.series) already has a value on \(values.date.text); delete that first"))
        }
        let record = ManualValue()
        (record.series, record.name, record.unit, record.date) = (values.series, values.name, values.unit, values.date.text)
        (record.value, record.source, record.createdBy) = (values.value, values.source, actor.userID)
        try await database.transaction { database in
            try await record.create(on: database)
            try await Audit.record(.create, .manualValue, id: try record.requireID().uuidString, changes: [
                .value("series", old: nil, new: values.series), .value("date", old: nil, new: values.date.text),
                .value("value", old: nil, new: Format.plain(values.value)), .value("source", old: nil, new: values.source),
            ], by: actor, on: database)
        }
        return record
    }

    func delete(_ record: ManualValue) async throws {
        try await Audit.delete(record, as: .manualValue, changes: [.value("series", old: record.series, new: nil), .value("date", old: record.date, new: nil),
                                                                  .value("value", old: Format.plain(record.value), new: nil)], by: actor, on: database)
    }

    /// Every value, by series, latest first.
    static func all(series: String? = nil, on database: Database) async throws -> [ManualValue] {
        var query = ManualValue.query(on: database)
        if let series { query = query.filter(\.$series == series.lowercased()) }
        return try await query.all().sorted { ($0.series, $1.date) < ($1.series, $0.date) }
    }
}
