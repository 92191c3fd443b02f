import Fluent
import Foundation
import SQLKit

/// Finding organisations: by name, KvK number, establishment number, postcode or SBI code, with
/// filters and pages.
extension OrganisationService {
    struct Filter: Sendable, Hashable {
        /// Name (part of it), KvK number, establishment number, postcode (or its four digits) or SBI code (its start).
        var text: String?
        var kind: Organisation.Kind?
        var accountManager: UUID?
        var tag: String?
        var municipality: String?
        var page = 1
        var pageSize = 50
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
        let organisations = try await query.sort(\.$name).sort(\.$id)
            .page(filter.page, size: filter.pageSize).with(\.$accountManager).all()
        return Page(organisations: organisations, total: total)
    }
}
