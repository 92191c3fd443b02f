import Fluent
import Foundation
import Vapor

/// Adds, changes and deletes places, each change in the audit trail.
struct PlaceService {
    let database: Database
    let actor: Audit.Actor

    static func all(on database: Database) async throws -> [Place] {
        try await Place.query(on: database).sort(\.$name).all()
    }

    /// A place by its key, or a 404.
    static func find(key: String, on database: Database) async throws -> Place {
        guard let place = try await Place.query(on: database).filter(\.$key == key.lowercased()).first() else {
            throw Abort(.notFound, reason: localized("Er is geen plek '\(key.prefix(40))'.", "There is no place '\(key.prefix(40))'."))
        }
        return place
    }

    /// The home municipality's postcode areas and name, which a place must lie within.
    static func municipality(_ code: String) throws -> (areas: Set<String>, name: String) {
        let reference = try ReferenceData.shared.get()
        return (Set(reference.postcodeAreas[code] ?? []), reference.municipalityNames[code] ?? code)
    }

    /// Saves new values to `place`, or to a new place when nil.
    @discardableResult
    func save(_ values: PlaceInput.Values, to place: Place? = nil) async throws -> Place {
        let target = place ?? Place()
        let old = place.map { ($0.key, $0.name, $0.postcodes, $0.note) }
        (target.key, target.name, target.postcodes, target.note) = (values.key, values.name, values.postcodes.joined(separator: " "), values.note)
        try await database.transaction { database in
            try await target.save(on: database)
            try await Audit.record(place == nil ? .create : .update, .place, id: try target.requireID().uuidString, changes: [
                .value("key", old: old?.0, new: target.key), .value("name", old: old?.1, new: target.name),
                .value("postcodes", old: old?.2, new: target.postcodes), .value("note", old: old?.3 ?? nil, new: target.note),
            ], by: actor, on: database)
        }
        return target
    }

    /// Deletes the place; projects that named it keep no place.
    func delete(_ place: Place) async throws {
        try await Audit.delete(place, as: .place, changes: [.value("key", old: place.key, new: nil), .value("name", old: place.name, new: nil)], by: actor, on: database)
    }
}
