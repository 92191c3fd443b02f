import Fluent
import Foundation
import SQLKit
import Vapor

/// Creates, changes, finds and removes organisations; every change is audited. Used alike by
/// the web pages, the API and the CSV import.
struct OrganisationService {
    let database: Database
    let actor: Audit.Actor

    var sql: any SQLDatabase { database as! any SQLDatabase }

    @discardableResult
    func create(_ values: OrganisationInput.Values) async throws -> Organisation {
        let organisation = Organisation()
        try await database.transaction { database in
            let service = OrganisationService(database: database, actor: actor)
            try await service.save(organisation, values, old: nil)
        }
        return organisation
    }

    func update(_ organisation: Organisation, with values: OrganisationInput.Values) async throws {
        let old = OrganisationInput(organisation, establishments: try await establishments(of: organisation.requireID()))
        try await database.transaction { database in
            try await OrganisationService(database: database, actor: actor).save(organisation, values, old: old)
        }
    }

    private func save(_ organisation: Organisation, _ values: OrganisationInput.Values, old: OrganisationInput?) async throws {
        organisation.kind = values.kind
        organisation.name = values.name
        organisation.kvkNumber = values.kvkNumber
        organisation.sbi = values.sbi
        organisation.address = values.address
        organisation.postcode = values.postcode
        organisation.municipality = values.municipality
        organisation.website = values.website
        organisation.$accountManager.id = values.accountManager
        organisation.tags = values.tags.joined(separator: ",")
        organisation.notes = values.notes
        organisation.originMunicipality = values.originMunicipality
        organisation.arrivedOn = values.arrivedOn
        organisation.educationLevel = values.educationLevel
        try await organisation.save(on: database)
        let id = try organisation.requireID()
        try await sql.replaceLinks(in: "organisation_establishments", owner: "organisation_id", id, to: "establishment_number",
                                   values: values.establishmentNumbers.map(BulkValue.text))
        let new = OrganisationInput(organisation, establishments: values.establishmentNumbers)
        try await Audit.record(old == nil ? .create : .update, .organisation, id: id.uuidString, changes: Self.changes(from: old, to: new),
                               by: actor, on: database)
    }

    /// What changed, for the audit trail; notes may name people, so they count as personal data.
    static func changes(from old: OrganisationInput?, to new: OrganisationInput) -> [Audit.Change] {
        let fields: [(String, (OrganisationInput) -> String?)] = [
            ("kind", \.kind), ("name", \.name), ("kvk_number", \.kvkNumber), ("establishment_numbers", { $0.establishmentNumbers?.items.joined(separator: ",") }),
            ("sbi", \.sbi), ("address", \.address), ("postcode", \.postcode), ("municipality", \.municipality), ("website", \.website),
            ("account_manager", \.accountManager), ("tags", { $0.tags?.items.joined(separator: ",") }),
            ("origin_municipality", \.originMunicipality), ("arrived_on", \.arrivedOn), ("education_level", \.educationLevel),
        ]
        var changes = fields.map { name, value in Audit.Change.value(name, old: old.flatMap(value), new: value(new)) }
        if old?.notes != new.notes { changes.append(.personal("notes")) }
        return changes
    }

    func delete(_ organisation: Organisation) async throws {
        try await Audit.delete(organisation, as: .organisation, changes: [.value("name", old: organisation.name, new: nil)], by: actor, on: database)
    }

    func establishments(of id: UUID) async throws -> [String] {
        try await establishments(of: [id])[id] ?? []
    }

    /// The establishment numbers of several organisations in one query (for a page of the API).
    func establishments(of ids: [UUID]) async throws -> [UUID: [String]] {
        var result: [UUID: [String]] = [:]
        // In batches, so that a list of all organisations stays within the databases' limits on parameters.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let rows = try await sql.select().column("organisation_id").column("establishment_number").from("organisation_establishments")
                .where("organisation_id", .in, SQLBind.group(Array(ids[start..<min(start + 500, ids.count)]))).orderBy("establishment_number").all()
            for row in rows {
                result[try row.decode(column: "organisation_id", as: UUID.self), default: []].append(try row.decode(column: "establishment_number", as: String.self))
            }
        }
        return result
    }

    /// The organisations in the relations register that stand for register units: by KvK number,
    /// and by establishment number for units whose KvK number no organisation has. Two queries
    /// for a whole page of units.
    static func organisations(kvk numbers: [String], establishments: [String], on database: Database) async throws -> (byKvK: [String: UUID], byEstablishment: [String: UUID]) {
        let sql = database as! any SQLDatabase
        var byKvK: [String: UUID] = [:], byEstablishment: [String: UUID] = [:]
        if !numbers.isEmpty {
            for row in try await sql.select().column("id").column("kvk_number").from("organisations").where("kvk_number", .in, SQLBind.group(Array(Set(numbers)))).all() {
                byKvK[try row.decode(column: "kvk_number", as: String.self)] = try row.decode(column: "id", as: UUID.self)
            }
        }
        if !establishments.isEmpty {
            for row in try await sql.select().column("organisation_id").column("establishment_number").from("organisation_establishments")
                .where("establishment_number", .in, SQLBind.group(Array(Set(establishments)))).all() {
                byEstablishment[try row.decode(column: "establishment_number", as: String.self)] = try row.decode(column: "organisation_id", as: UUID.self)
            }
        }
        return (byKvK, byEstablishment)
    }

    /// An organisation by id, or a 404 that says so.
    static func find(_ id: UUID?, on database: Database) async throws -> Organisation {
        try await Organisation.find(id, on: database, missing: localized("Deze organisatie bestaat niet (meer).", "This organisation does not exist (any more)."))
    }
}
