import Fluent
import Foundation
import SQLKit

/// Finding organisations: by name, KvK number, establishment number, postcode or SBI code, with
/// filters, an order (name, jobs in the register, last contact) and pages.
extension OrganisationService {
    /// What the list of organisations can be ordered by.
    enum Column: String, CaseIterable, Sendable, Hashable {
        case name = "naam"
        case jobs = "banen"
        case lastContact = "laatste-contact"
    }

    struct Filter: Sendable, Hashable {
        /// Name (part of it), KvK number, establishment number, postcode (or its four digits) or SBI code (its start).
        var text: String?
        var kind: Organisation.Kind?
        var accountManager: UUID?
        var tag: String?
        var municipality: String?
        var order = ListOrder<Column>(column: .name, descending: false)
        var pageSize = 50

        var page: Int {
            get { order.page }
            set { order.page = newValue }
        }
    }

    struct Page: Sendable {
        let organisations: [Organisation]
        let total: Int
    }

    func search(_ filter: Filter) async throws -> Page {
        var query = Organisation.query(on: database)
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let digits = text.filter(\.isNumber)
            let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
            let byEstablishment = digits.count == 12
                ? try await sql.select().column("organisation_id").from("organisation_establishments").where("establishment_number", .equal, digits)
                    .all().map { try $0.decode(column: "organisation_id", as: UUID.self) }
                : []
            query = query.group(.or) { group in
                group.filter(.contains("name", text))
                if digits.count == 8, digits == text { group.filter(\.$kvkNumber == digits) }
                if !byEstablishment.isEmpty { group.filter(\.$id ~~ byEstablishment) }
                if compact.count >= 4, compact.prefix(4).allSatisfy(\.isNumber), compact.count <= 6 { group.filter(\.$postcode =~ compact) }
                if !digits.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }), digits.count <= 5 { group.filter(\.$sbi =~ text) }
            }
        }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        if let manager = filter.accountManager { query = query.filter(\.$accountManager.$id == manager) }
        if let municipality = filter.municipality { query = query.filter(\.$municipality == municipality) }
        if let tag = filter.tag?.lowercased(), !tag.isEmpty {
            // Tags are stored as "a,b,c": match the whole tag.
            query = query.filter(.sql(SQLBinaryExpression(SQLRaw("(',' || \"tags\" || ',')"), .like, SQLBind("%,\(tag),%"))))
        }
        let total = try await query.count()
        let organisations: [Organisation]
        switch filter.order.column {
        case .name:
            organisations = try await query.sort(\.$name, filter.order.descending ? .descending : .ascending).sort(\.$id)
                .page(filter.page, size: filter.pageSize).with(\.$accountManager).all()
        case .jobs, .lastContact:
            // Ordered by a figure from elsewhere: all that match, ordered here, then the page.
            let all = try await query.copy().field(\.$id).field(\.$name).field(\.$kvkNumber).all()
            let jobs = filter.order.column == .jobs ? try await registerJobs(of: all) : [:]
            let lastContacts = filter.order.column == .lastContact ? try await self.lastContacts(of: all.map { try $0.requireID() }) : [:]
            let ordered = try all.sorted { lhs, rhs in
                let (left, right) = (try lhs.requireID(), try rhs.requireID())
                let byFigure = filter.order.column == .jobs ? filter.order.inOrder(jobs[left]?.jobs, jobs[right]?.jobs)
                    : filter.order.inOrder(lastContacts[left], lastContacts[right])
                return byFigure ?? ((lhs.name, left.uuidString) < (rhs.name, right.uuidString))
            }
            let start = min(ordered.count, (filter.page - 1) * filter.pageSize)
            let ids = try ordered[start..<min(ordered.count, start + filter.pageSize)].map { try $0.requireID() }
            let loaded = try await Organisation.query(on: database).filter(\.$id ~~ ids).with(\.$accountManager).all()
            let byID = Dictionary(uniqueKeysWithValues: try loaded.map { (try $0.requireID(), $0) })
            organisations = ids.compactMap { byID[$0] }
        }
        return Page(organisations: organisations, total: total)
    }

    /// Each organisation's jobs and establishments in its latest register year (as its page shows
    /// them: `Enterprise.history` of the rows of its KvK number and its establishments).
    func registerJobs(of organisations: [Organisation]) async throws -> [UUID: Enterprise.Year] {
        let ids = try organisations.map { try $0.requireID() }
        let establishments = try await self.establishments(of: ids)
        let records = try await RegisterStore(database).records(kvks: organisations.compactMap(\.kvkNumber), establishments: establishments.values.flatMap { $0 })
        let byKVK = Dictionary(grouping: records, by: \.kvkNumber), byNumber = Dictionary(grouping: records, by: \.establishmentNumber)
        var result: [UUID: Enterprise.Year] = [:]
        for organisation in organisations {
            let id = try organisation.requireID()
            var seen = Set<String>()
            let own = ((organisation.kvkNumber.flatMap { byKVK[$0] } ?? []) + (establishments[id] ?? []).flatMap { byNumber[$0] ?? [] })
                .filter { seen.insert("\($0.year) \($0.establishmentNumber)").inserted }
            if let latest = Enterprise.history(own).last { result[id] = latest }
        }
        return result
    }

    /// The date of each organisation's latest contact moment.
    func lastContacts(of ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let wanted = Set(ids)
        var query = sql.select().column(SQLColumn("organisation_id")).column(SQLFunction("max", args: SQLColumn("date", table: "contact_moments")), as: "last")
            .from("contact_moment_organisations")
            .join("contact_moments", on: SQLColumn("contact_moment_id"), .equal, SQLColumn("id", table: "contact_moments"))
            .groupBy("organisation_id")
        // A short list asks for its own; a long one takes all and keeps its own (no endless IN list).
        if ids.count <= 500 { query = query.where(SQLColumn("organisation_id"), .in, SQLBind.group(ids)) }
        var result: [UUID: String] = [:]
        for row in try await query.all() {
            let id = try row.decode(column: "organisation_id", as: UUID.self)
            if wanted.contains(id), let last = try row.decode(column: "last", as: String?.self) { result[id] = last }
        }
        return result
    }
}
