import Fluent
import Foundation
import Vapor

/// Creates, changes and deletes scenarios and policy options, and records the assessors' scores
/// of the robustness test; every change audited.
struct FuturesService {
    let database: Database
    let actor: Audit.Actor

    static func find(_ kind: FuturesItem.Kind, key: String, on database: Database) async throws -> FuturesItem {
        let byID = UUID(uuidString: key)
        let items = try await FuturesItem.query(on: database).filter(\.$kind == kind).all()
        guard key.count <= 40, let item = items.first(where: { $0.key == key.lowercased() || ($0.id != nil && $0.id == byID) }) else {
            throw Abort(.notFound, reason: kind == .scenario ? localized("Het scenario '\(key.prefix(40))' bestaat niet.", "The scenario '\(key.prefix(40))' does not exist.")
                                                               : localized("De beleidsoptie '\(key.prefix(40))' bestaat niet.", "The policy option '\(key.prefix(40))' does not exist."))
        }
        return item
    }

    static func items(_ kind: FuturesItem.Kind, on database: Database) async throws -> [FuturesItem] {
        try await FuturesItem.query(on: database).filter(\.$kind == kind).sort(\.$position).sort(\.$name).all()
    }

    func create(_ kind: FuturesItem.Kind, _ values: FuturesItemInput.Values) async throws -> FuturesItem {
        let item = FuturesItem()
        item.kind = kind
        let last = try await FuturesItem.query(on: database).filter(\.$kind == kind).max(\.$position) ?? -1
        apply(values, to: item, position: values.position ?? last + 1)
        try await checkUnique(item)
        try await database.transaction { database in
            try await item.create(on: database)
            try await Audit.record(.create, kind.subject, id: try item.requireID().uuidString, changes: Self.changes(nil, item), by: actor, on: database)
        }
        return item
    }

    func update(_ item: FuturesItem, _ values: FuturesItemInput.Values) async throws {
        let before = FuturesItem()
        (before.key, before.name, before.description, before.assumptions, before.signs, before.position) = (item.key, item.name, item.description, item.assumptions, item.signs, item.position)
        apply(values, to: item, position: values.position ?? item.position)
        try await checkUnique(item)
        try await database.transaction { database in
            try await item.save(on: database)
            try await Audit.record(.update, item.kind.subject, id: try item.requireID().uuidString, changes: Self.changes(before, item), by: actor, on: database)
        }
    }

    /// Deletes a scenario or option with its scores and signposts (their alerts stay, with the
    /// values that raised them).
    func delete(_ item: FuturesItem) async throws {
        try await Audit.delete(item, as: item.kind.subject, changes: [.value("name", old: item.name, new: nil)], by: actor, on: database)
    }

    private func apply(_ values: FuturesItemInput.Values, to item: FuturesItem, position: Int) {
        (item.key, item.name, item.description) = (values.key, values.name, values.description)
        (item.assumptions, item.signs, item.position) = (values.assumptions.isEmpty ? nil : values.assumptions.joined(separator: "\n"), values.signs, position)
    }

    private func checkUnique(_ item: FuturesItem) async throws {
        let same = try await FuturesItem.query(on: database).filter(\.$kind == item.kind).filter(\.$key == item.key).all()
        if same.contains(where: { $0.id != item.id }) {
            throw InvalidFields("key", localized("de sleutel '\(item.key)' is al in gebruik", "the key '\(item.key)' is already in use"))
        }
    }

    private static func changes(_ old: FuturesItem?, _ new: FuturesItem) -> [Audit.Change] {
        [.value("key", old: old?.key, new: new.key), .value("name", old: old?.name, new: new.name), .value("description", old: old?.description, new: new.description),
         .value("assumptions", old: old?.assumptions, new: new.assumptions), .value("signs", old: old?.signs, new: new.signs),
         .value("position", old: old.map { String($0.position) }, new: String(new.position))]
    }

    /// Sets (or, with no score, removes) one assessor's scores of the cells given; other cells and
    /// other assessors' scores stay.
    func score(by assessor: Assessor, _ cells: [RobustnessScoresInput.Values], today: CalendarDay = .today) async throws {
        try await Assessor.checkExist([assessor], on: database)
        try await database.transaction { database in
            for cell in cells {
                var query = RobustnessScore.query(on: database).filter(\.$option.$id == cell.option).filter(\.$scenario.$id == cell.scenario)
                switch assessor {
                case .user(let id): query = query.filter(\.$assessorUser.$id == id)
                case .person(let id): query = query.filter(\.$assessorPerson.$id == id)
                }
                let existing = try await query.first()
                guard let score = cell.score, let rationale = cell.rationale else {
                    try await existing?.delete(on: database)
                    continue
                }
                let record = existing ?? RobustnessScore()
                (record.$option.id, record.$scenario.id, record.score, record.rationale, record.scoredOn) = (cell.option, cell.scenario, score, rationale, today.text)
                switch assessor {
                case .user(let id): record.$assessorUser.id = id
                case .person(let id): record.$assessorPerson.id = id
                }
                try await record.save(on: database)
            }
            try await Audit.record(.update, .robustnessScore, id: assessor.key, changes: [
                .value("scores", old: nil, new: cells.map { "\($0.option.uuidString)@\($0.scenario.uuidString)=\($0.score.map(String.init) ?? "-")" }.joined(separator: ";")),
            ], by: actor, on: database)
        }
    }
}

extension FuturesItem.Kind {
    var subject: Audit.Subject { self == .scenario ? .scenario : .policyOption }
}
