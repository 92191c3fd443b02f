import Analysis
import Fluent
import Foundation
import Vapor

/// Signposts: saving one (audited, then evaluated at once) and deleting one.
struct SignpostService {
    let catalogue: IndicatorCatalogue
    let actor: Audit.Actor

    var database: Database { catalogue.database }

    static func find(_ id: UUID, on database: Database) async throws -> Signpost {
        guard let signpost = try await Signpost.query(on: database).filter(\.$id == id).with(\.$item).first() else {
            throw Abort(.notFound, reason: localized("Dit signaal bestaat niet (meer).", "This signpost does not exist (any more)."))
        }
        return signpost
    }

    /// Every signpost with what it watches: triggered first, then watch, quiet, unread; by name.
    static func all(on database: Database) async throws -> [Signpost] {
        let order: [SignpostReading.Status?] = [.triggered, .watch, .quiet, nil]
        return try await Signpost.query(on: database).with(\.$item).all()
            .sorted { (order.firstIndex(of: $0.status) ?? 3, $0.name) < (order.firstIndex(of: $1.status) ?? 3, $1.name) }
    }

    /// Creates (`signpost` new) or changes a signpost, and evaluates it.
    func save(_ values: SignpostInput.Values, to signpost: Signpost = Signpost()) async throws -> Signpost {
        let old = signpost.id == nil ? nil : Self.fields(of: signpost)
        (signpost.name, signpost.indicator, signpost.parameters) = (values.name, values.indicator.id.rawValue, Goal.text(of: values.parameters))
        (signpost.$item.id, signpost.direction, signpost.trigger, signpost.warning, signpost.notes) = (try values.item.requireID(), values.direction, values.trigger, values.warning, values.notes)
        let new = Self.fields(of: signpost)
        try await database.transaction { database in
            try await signpost.save(on: database)
            try await Audit.record(old == nil ? .create : .update, .signpost, id: try signpost.requireID().uuidString,
                                   changes: new.keys.sorted().map { .value($0, old: old?[$0], new: new[$0]) }, by: actor, on: database)
        }
        try await SignpostWatch(catalogue: catalogue, actor: actor).evaluate([signpost])
        return signpost
    }

    func delete(_ signpost: Signpost) async throws {
        try await Audit.delete(signpost, as: .signpost, changes: [.value("name", old: signpost.name, new: nil)], by: actor, on: database)
    }

    private static func fields(of signpost: Signpost) -> [String: String] {
        ["name": signpost.name, "indicator": signpost.indicator, "parameters": signpost.parameters, "item": signpost.$item.id.uuidString,
         "direction": signpost.direction.rawValue, "trigger": Format.plain(signpost.trigger), "warning": signpost.warning.map(Format.plain) ?? "",
         "notes": signpost.notes ?? ""]
    }
}
