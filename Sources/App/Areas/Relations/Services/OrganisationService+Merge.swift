import Fluent
import Foundation
import SQLKit
import Vapor

/// Duplicates: organisations that share a KvK or establishment number, or have nearly the same
/// name at the same postcode; and merging one into another with all its history.
extension OrganisationService {
    struct Duplicate: Sendable, Equatable {
        let first: Organisation.Summary
        let second: Organisation.Summary
        let reason: String
    }

    /// Every pair of likely duplicates, each pair once.
    func duplicates() async throws -> [Duplicate] {
        let organisations = try await Organisation.query(on: database).sort(\.$name).all()
        let summaries = Dictionary(uniqueKeysWithValues: try organisations.map { (try $0.requireID(), Organisation.Summary($0)) })
        var pairs: [String: Duplicate] = [:]
        func add(_ a: UUID, _ b: UUID, _ reason: String) {
            let (low, high) = a.uuidString < b.uuidString ? (a, b) : (b, a)
            guard a != b, let first = summaries[low], let second = summaries[high] else { return }
            let key = "\(first.id)|\(second.id)"
            if pairs[key] == nil { pairs[key] = Duplicate(first: first, second: second, reason: reason) }
        }
        for group in Dictionary(grouping: organisations.filter { $0.kvkNumber != nil }, by: \.kvkNumber!).values where group.count > 1 {
            for (index, a) in group.enumerated() { for b in group.dropFirst(index + 1) {
                add(try a.requireID(), try b.requireID(), localized("zelfde KvK-nummer \(a.kvkNumber!)", "same KvK number \(a.kvkNumber!)"))
            } }
        }
        let links = try await sql.select().columns("organisation_id", "establishment_number").from("organisation_establishments").all()
        var byNumber: [String: [UUID]] = [:]
        for row in links { byNumber[try row.decode(column: "establishment_number", as: String.self), default: []].append(try row.decode(column: "organisation_id", as: UUID.self)) }
        for (number, ids) in byNumber where ids.count > 1 {
            for (index, a) in ids.enumerated() { for b in ids.dropFirst(index + 1) {
                add(a, b, localized("zelfde vestigingsnummer \(number)", "same establishment number \(number)"))
            } }
        }
        for group in Dictionary(grouping: organisations.filter { $0.postcode != nil }, by: \.postcode!).values where group.count > 1 {
            for (index, a) in group.enumerated() { for b in group.dropFirst(index + 1) where Self.similar(a.name, b.name) {
                add(try a.requireID(), try b.requireID(), localized("bijna dezelfde naam op postcode \(a.postcode!)", "nearly the same name at postcode \(a.postcode!)"))
            } }
        }
        return pairs.values.sorted { ($0.first.name, $0.second.name) < ($1.first.name, $1.second.name) }
    }

    /// Names that are the same once legal forms, punctuation and case are left out, or that
    /// differ in at most two letters.
    static func similar(_ a: String, _ b: String) -> Bool {
        let x = normalised(a), y = normalised(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x == y || (min(x.count, y.count) >= 6 && editDistance(x, y, limit: 2) <= 2)
    }

    static func normalised(_ name: String) -> String {
        let legalForms: Set<String> = ["bv", "nv", "vof", "cv", "bvba", "holding", "stichting", "vereniging", "de", "het"]
        let words = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: ".", with: "")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init).filter { !legalForms.contains($0) }
        return words.joined(separator: " ")
    }

    /// Levenshtein distance, stopping once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[y.count]
    }

    /// Moves the rows of a link table keyed by (organisation, `key`) from one organisation to
    /// another, leaving out those the other already has; returns how many the first had.
    private static func moveLinks<Key: Codable & Hashable & Sendable>(
        in table: String, key: String, as value: (Key) -> BulkValue, from: UUID, to: UUID, on sql: any SQLDatabase
    ) async throws -> Int {
        let theirs = try await sql.select().column(key).from(table).where("organisation_id", .equal, from).all().map { try $0.decode(column: key, as: Key.self) }
        let ours = Set(try await sql.select().column(key).from(table).where("organisation_id", .equal, to).all().map { try $0.decode(column: key, as: Key.self) })
        try await sql.insertLinks(in: table, owner: "organisation_id", to, to: key, values: theirs.filter { !ours.contains($0) }.map(value))
        try await sql.delete(from: table).where("organisation_id", .equal, from).run()
        return theirs.count
    }

    /// Every table with an `organisation_id`: merging moves all of them (a test walks the schema).
    static let tablesReferencingOrganisations: Set<String> = [
        "contact_moment_organisations", "organisation_establishments", "affiliations", "follow_ups", "questions", "acquisitions", "cluster_members", "engagement_organisations",
        "collaborations", "projects", "project_partners", "agenda_items",
    ]

    /// Merges `duplicate` into `survivor`: every contact moment, role, follow-up, question,
    /// pipeline item and establishment number moves over; fields the survivor lacks are taken
    /// from the duplicate, tags are joined and notes kept; then the duplicate is removed. Audited.
    func merge(_ duplicate: Organisation, into survivor: Organisation) async throws {
        let from = try duplicate.requireID(), to = try survivor.requireID()
        guard from != to else {
            throw InvalidFields("duplicate", localized("een organisatie kan niet met zichzelf worden samengevoegd", "an organisation cannot be merged with itself"))
        }
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            var moved: [String: Int] = [:]
            // Links with a composite key: add the survivor where it is missing, then drop the duplicate's.
            moved["contact_moments"] = try await Self.moveLinks(in: "contact_moment_organisations", key: "contact_moment_id", as: BulkValue.uuid, from: from, to: to, on: sql)
            moved["engagements"] = try await Self.moveLinks(in: "engagement_organisations", key: "engagement_id", as: BulkValue.uuid, from: from, to: to, on: sql)
            moved["project_partners"] = try await Self.moveLinks(in: "project_partners", key: "project_id", as: BulkValue.uuid, from: from, to: to, on: sql)
            for (table, column) in [("projects", "lead_organisation_id"), ("agenda_items", "organisation_id")] {
                try await sql.update(table).set(SQLIdentifier(column), to: SQLBind(to)).where(SQLIdentifier(column), .equal, SQLBind(from)).run()
            }
            moved["establishment_numbers"] = try await Self.moveLinks(in: "organisation_establishments", key: "establishment_number", as: BulkValue.text,
                                                                      from: from, to: to, on: sql)
            // A cluster membership moves unless the survivor has its own for that cluster (which wins).
            let survivorClusters = SQLSubquery.select { $0.column("cluster_id").from("cluster_members").where("organisation_id", .equal, to) }
            try await sql.update("cluster_members").set("organisation_id", to: SQLBind(to)).where("organisation_id", .equal, from)
                .where(SQLColumn("cluster_id"), .notIn, survivorClusters).run()
            try await sql.delete(from: "cluster_members").where("organisation_id", .equal, from).run()
            // A collaboration moves to the survivor at either end; one that would link it with itself goes.
            for column in ["first_organisation_id", "second_organisation_id"] {
                try await sql.update("collaborations").set(SQLIdentifier(column), to: SQLBind(to)).where(SQLIdentifier(column), .equal, SQLBind(from)).run()
            }
            try await sql.delete(from: "collaborations").where(SQLIdentifier("first_organisation_id"), .equal, SQLIdentifier("second_organisation_id")).run()
            for table in ["affiliations", "follow_ups", "questions", "acquisitions"] {
                moved[table] = try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table)
                    .where("organisation_id", .equal, from).first()?.decode(column: "n", as: Int.self) ?? 0
                try await sql.update(table).set("organisation_id", to: SQLBind(to)).where("organisation_id", .equal, from).run()
            }
            survivor.kvkNumber = survivor.kvkNumber ?? duplicate.kvkNumber
            survivor.sbi = survivor.sbi ?? duplicate.sbi
            survivor.address = survivor.address ?? duplicate.address
            survivor.postcode = survivor.postcode ?? duplicate.postcode
            survivor.municipality = survivor.municipality ?? duplicate.municipality
            survivor.website = survivor.website ?? duplicate.website
            survivor.$accountManager.id = survivor.$accountManager.id ?? duplicate.$accountManager.id
            survivor.originMunicipality = survivor.originMunicipality ?? duplicate.originMunicipality
            survivor.arrivedOn = survivor.arrivedOn ?? duplicate.arrivedOn
            survivor.educationLevel = survivor.educationLevel ?? duplicate.educationLevel
            if survivor.showcaseSince == nil {
                (survivor.showcaseSince, survivor.showcaseRecordedBy, survivor.showcaseDescription)
                    = (duplicate.showcaseSince, duplicate.showcaseRecordedBy, duplicate.showcaseDescription)
            }
            survivor.tags = Array(Set(survivor.tagList + duplicate.tagList)).sorted().joined(separator: ",")
            if let notes = duplicate.notes {
                survivor.notes = [survivor.notes, localized("Uit \(duplicate.name): ", "From \(duplicate.name): ") + notes].compactMap { $0 }.joined(separator: "\n\n")
            }
            try await survivor.save(on: database)
            try await duplicate.delete(on: database)
            try await Audit.record(.merge, .organisation, id: to.uuidString, changes: [.value("merged", old: from.uuidString, new: to.uuidString),
                                                                                         .value("merged_name", old: duplicate.name, new: survivor.name)]
                + moved.sorted { $0.key < $1.key }.map { .value("moved_\($0.key)", old: nil, new: String($0.value)) }, by: actor, on: database)
        }
    }
}

extension Organisation {
    /// What a list of duplicates shows of an organisation.
    struct Summary: Sendable, Equatable {
        let id: UUID
        let name: String
        let kvk: String?
        let postcode: String?

        init(_ organisation: Organisation) {
            id = organisation.id ?? UUID()
            name = organisation.name
            kvk = organisation.kvkNumber
            postcode = organisation.postcode
        }
    }
}
