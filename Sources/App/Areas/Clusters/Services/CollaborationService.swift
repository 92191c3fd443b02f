import Fluent
import Foundation

/// Collaborations between organisations: saving (audited) and deleting them.
struct CollaborationService {
    let database: Database
    let actor: Audit.Actor

    static func find(_ id: UUID?, on database: Database) async throws -> Collaboration {
        try await Collaboration.find(id, on: database, missing: localized("Deze samenwerking bestaat niet (meer).", "This collaboration does not exist (any more)."))
    }

    @discardableResult
    func save(_ values: CollaborationInput.Values, to collaboration: Collaboration = Collaboration()) async throws -> Collaboration {
        let known = Set(try await Organisation.query(on: database).filter(\.$id ~~ [values.first, values.second]).all().compactMap(\.id))
        for (field, id) in [("first", values.first), ("second", values.second)] where !known.contains(id) {
            throw InvalidFields(field, localized("de organisatie \(id) bestaat niet (meer)", "the organisation \(id) does not exist (any more)"))
        }
        let pair = Set([values.first, values.second])
        let same = try await Collaboration.query(on: database).filter(\.$kind == values.kind).group(.or) {
            $0.filter(\.$first.$id ~~ Array(pair)).filter(\.$second.$id ~~ Array(pair))
        }.all().filter { $0.id != collaboration.id && Set([$0.$first.id, $0.$second.id]) == pair }
        let overlaps = { (other: Collaboration) in
            (values.startedOn ?? "") <= (other.endedOn ?? "9999") && (other.startedOn ?? "") <= (values.endedOn ?? "9999")
        }
        if let other = same.first(where: overlaps) {
            throw InvalidFields("second", localized(
                "deze twee hebben al een samenwerking '\(values.kind.label)' in die periode (vanaf \(other.startedOn ?? "onbekend")); pas die aan",
                "these two already have a '\(values.kind.label)' collaboration in that period (from \(other.startedOn ?? "unknown")); change that one"))
        }
        let isNew = collaboration.id == nil
        let old = isNew ? nil : CollaborationInput(collaboration)
        collaboration.$first.id = values.first
        collaboration.$second.id = values.second
        (collaboration.kind, collaboration.strength) = (values.kind, values.strength)
        (collaboration.startedOn, collaboration.endedOn, collaboration.notes) = (values.startedOn, values.endedOn, values.notes)
        try await database.transaction { database in
            try await collaboration.save(on: database)
            try await Audit.record(isNew ? .create : .update, .collaboration, id: try collaboration.requireID().uuidString, changes: [
                .value("first", old: old?.first, new: values.first.uuidString), .value("second", old: old?.second, new: values.second.uuidString),
                .value("kind", old: old?.kind, new: values.kind.rawValue), .value("strength", old: old?.strength, new: String(values.strength)),
                .value("started_on", old: old?.startedOn, new: values.startedOn), .value("ended_on", old: old?.endedOn, new: values.endedOn),
                .personal("notes"),
            ], by: actor, on: database)
        }
        return collaboration
    }

    func delete(_ collaboration: Collaboration) async throws {
        try await Audit.delete(collaboration, as: .collaboration, changes: [.value("kind", old: collaboration.kind.rawValue, new: nil)], by: actor, on: database)
    }
}
