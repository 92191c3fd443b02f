import Fluent
import Foundation
import Vapor

/// The weight of each criterion in the ranking (equal by default), normalised to sum to 1, and
/// why the weights are what they are. Kept as settings; every change is audited.
struct ProgrammeWeights: Sendable, Equatable {
    /// Per criterion, summing to 1.
    let values: [Criterion: Double]
    let reason: String?

    static let equal = ProgrammeWeights(values: Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, 1 / Double(Criterion.allCases.count)) }),
                                        reason: nil)

    /// In `Criterion.allCases` order, for `MultiCriteria`.
    var list: [Double] { Criterion.allCases.map { values[$0] ?? 0 } }

    /// `impact:0.3,vliegwiel:0.2,...` (the API's `weights=`, also with `=` and `;`). A criterion
    /// left out weighs 0. Refused: an unknown criterion, a number that is not one or is negative
    /// or above 1.000, and weights that sum to zero. Normalised to sum to 1.
    static func parse(_ text: String, field: String) throws -> [Criterion: Double] {
        var raw: [Criterion: Double] = [:]
        var check = FieldCheck()
        for pair in text.split(whereSeparator: { $0 == "," || $0 == ";" }) where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(whereSeparator: { $0 == ":" || $0 == "=" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let criterion = Criterion.find(parts[0]) else {
                check.report(field, localized("'\(pair.prefix(40))' is geen criterium:gewicht; criteria zijn \(Criterion.allCases.map(\.rawValue).joined(separator: ", "))",
                                              "'\(pair.prefix(40))' is not criterion:weight; the criteria are \(Criterion.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            if raw[criterion] != nil {
                check.report(field, localized("\(criterion.rawValue) staat er twee keer in", "\(criterion.rawValue) is given twice"))
            }
            raw[criterion] = weight(parts[1], criterion: criterion, field: field, check: &check)
        }
        try check.throwIfAny()
        return try normalised(raw, field: field)
    }

    /// One weight per criterion, as the settings form sends them (`weight_impact`, ...).
    static func parse(_ fields: [Criterion: String], field: (Criterion) -> String) throws -> [Criterion: Double] {
        var check = FieldCheck()
        var raw: [Criterion: Double] = [:]
        for criterion in Criterion.allCases {
            let text = fields[criterion]?.trimmingCharacters(in: .whitespaces) ?? ""
            raw[criterion] = text.isEmpty ? 0 : weight(text, criterion: criterion, field: field(criterion), check: &check)
        }
        try check.throwIfAny()
        return try normalised(raw, field: field(.impact))
    }

    private static func weight(_ text: String, criterion: Criterion, field: String, check: inout FieldCheck) -> Double? {
        guard let number = check.decimal(field, text) else { return nil }
        guard number >= 0, number <= 1000 else {
            check.report(field, localized("het gewicht van \(criterion.rawValue) moet 0 of meer zijn (en hoogstens 1000), niet \(text.prefix(20))",
                                          "the weight of \(criterion.rawValue) must be 0 or more (and at most 1000), not \(text.prefix(20))"))
            return nil
        }
        return number
    }

    private static func normalised(_ raw: [Criterion: Double], field: String) throws -> [Criterion: Double] {
        let total = raw.values.reduce(0, +)
        guard total > 0 else {
            throw InvalidFields(field, localized("de gewichten tellen op tot nul: geef minstens één criterium een gewicht boven 0",
                                                 "the weights sum to zero: give at least one criterion a weight above 0"))
        }
        return Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, (raw[$0] ?? 0) / total) })
    }

    /// As stored: `impact=0.2;vliegwiel=0.2;...`.
    var text: String { Criterion.allCases.map { "\($0.rawValue)=\(Format.plain(values[$0] ?? 0))" }.joined(separator: ";") }

    static func current(on database: Database) async throws -> ProgrammeWeights {
        guard let text = try await Setting.value(.programmeWeights, on: database), let values = try? parse(text, field: "weights") else { return .equal }
        return ProgrammeWeights(values: values, reason: try await Setting.value(.programmeWeightsReason, on: database))
    }

    /// Stores new weights with their reason (required: the issue asks for the reason to be recorded).
    static func save(_ values: [Criterion: Double], reason: String?, by actor: Audit.Actor, on database: Database) async throws {
        var check = FieldCheck()
        let reason = check.required("reason", reason, maxLength: 2000)
        try check.throwIfAny()
        let old = try await current(on: database)
        let new = ProgrammeWeights(values: values, reason: reason)
        try await database.transaction { database in
            try await Setting.set(.programmeWeights, new.text, on: database)
            try await Setting.set(.programmeWeightsReason, reason!, on: database)
            try await Audit.record(.update, .setting, id: Setting.Key.programmeWeights.rawValue, changes: [
                .value("weights", old: old.text, new: new.text), .value("reason", old: old.reason, new: reason),
            ], by: actor, on: database)
        }
    }
}
