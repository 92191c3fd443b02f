import Analysis
import Fluent
import Foundation
import SQLKit

/// Organisations as CSV: the columns are the field names of `OrganisationInput` (also the JSON
/// keys of the API). Reading checks every row by the same rules as the form and reports every
/// problem with its line; lists (establishment numbers, tags) are separated by `;` or `,`.
enum OrganisationsCSV {
    static let columns = ["kind", "name", "kvk_number", "establishment_numbers", "sbi", "address", "postcode", "municipality", "website",
                          "account_manager", "tags", "notes", "origin_municipality", "arrived_on", "education_level"]

    static func read(_ bytes: [UInt8], file: String, reference: ReferenceData, users: UserDirectory) throws(ImportRejected) -> [OrganisationInput.Values] {
        var rows = CSVRows(bytes: bytes, required: ["kind", "name"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        var result: [OrganisationInput.Values] = []
        while rows.next() {
            let text = { (column: String) -> String? in rows.has(column) ? rows.text(column) : nil }
            var input = OrganisationInput(kind: text("kind"), name: text("name"))
            input.kvkNumber = text("kvk_number")
            input.establishmentNumbers = text("establishment_numbers").map(TextList.init(text:))
            input.sbi = text("sbi")
            input.address = text("address")
            input.postcode = text("postcode")
            input.municipality = text("municipality")
            input.website = text("website")
            input.accountManager = text("account_manager")
            input.tags = text("tags").map(TextList.init(text:))
            input.notes = text("notes")
            input.originMunicipality = text("origin_municipality")
            input.arrivedOn = text("arrived_on")
            input.educationLevel = text("education_level")
            do {
                result.append(try input.validated(reference: reference, users: users))
            } catch let invalid as InvalidFields {
                for problem in invalid.problems { rows.report(problem.field, problem.reason) }
            } catch {
                rows.report(nil, String(describing: error))
            }
        }
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        return result
    }

    /// Writes new organisations in bulk (an import): one multi-row insert per table.
    static func insert(_ organisations: [OrganisationInput.Values], into database: Database) async throws {
        let now = Date()
        var rows: [[BulkValue]] = [], links: [[BulkValue]] = []
        rows.reserveCapacity(organisations.count)
        for values in organisations {
            let id = UUID()
            rows.append([.uuid(id), .text(values.kind.rawValue), .text(values.name), BulkValue(values.kvkNumber), BulkValue(values.sbi),
                         BulkValue(values.address), BulkValue(values.postcode), BulkValue(values.municipality), BulkValue(values.website),
                         BulkValue(values.accountManager), .text(values.tags.joined(separator: ",")), BulkValue(values.notes),
                         BulkValue(values.originMunicipality), BulkValue(values.arrivedOn), BulkValue(values.educationLevel?.rawValue), .date(now), .date(now)])
            links += values.establishmentNumbers.map { [.uuid(id), .text($0)] }
        }
        let sql = database as! any SQLDatabase
        try await sql.insertBatched(into: "organisations", columns: [
            "id", "kind", "name", "kvk_number", "sbi", "address", "postcode", "municipality_code", "website", "account_manager_id", "tags",
            "notes", "origin_municipality_code", "arrived_on", "education_level", "created_at", "updated_at",
        ], rows: rows)
        try await sql.insertBatched(into: "organisation_establishments", columns: ["organisation_id", "establishment_number"], rows: links)
    }

    /// The organisations as CSV in the import format (account managers by e-mail address).
    static func write(_ organisations: [Organisation], on database: Database) async throws -> String {
        let emails = Dictionary(uniqueKeysWithValues: try await User.query(on: database).all().compactMap { user in user.id.map { ($0, user.email) } })
        let ids = try organisations.map { try $0.requireID() }
        var establishments: [UUID: [String]] = [:]
        for chunk in ids.chunked(into: 5_000) {
            for row in try await (database as! any SQLDatabase).select().columns("organisation_id", "establishment_number").from("organisation_establishments")
                .where("organisation_id", .in, Array(chunk)).orderBy("establishment_number").all() {
                establishments[try row.decode(column: "organisation_id", as: UUID.self), default: []]
                    .append(try row.decode(column: "establishment_number", as: String.self))
            }
        }
        var lines = [columns.joined(separator: ",")]
        for organisation in organisations {
            let fields: [String?] = [
                organisation.kind.rawValue, organisation.name, organisation.kvkNumber,
                establishments[organisation.id ?? UUID()]?.joined(separator: ";"), organisation.sbi, organisation.address, organisation.postcode,
                organisation.municipality, organisation.website, organisation.$accountManager.id.flatMap { emails[$0] },
                organisation.tagList.joined(separator: ";"), organisation.notes, organisation.originMunicipality, organisation.arrivedOn,
                organisation.educationLevel?.rawValue,
            ]
            lines.append(fields.map { CSVCell.text($0 ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
