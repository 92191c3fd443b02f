@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// Beheer > Audit: every subject the trail records can be chosen in the filter.
struct AuditPageTests {
    typealias Web = OrganisationTests

    @Test func theFilterOffersEverySubjectAndFiltersOnIt() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            _ = try await Web.post("/relaties", ["kind": "company", "name": "Gefilterd BV"], as: admin, in: app)
            let page = try await Web.get("/beheer/audit", as: admin, in: app).body.string
            for subject in Audit.Subject.allCases {
                #expect(page.contains(#"<option value="\#(subject.rawValue)">\#(subject.label)</option>"#), "\(subject) is not offered")
            }
            let organisations = try await Web.get("/beheer/audit?entiteit=organisation", as: admin, in: app).body.string
            #expect(organisations.contains("<td>Organisatie</td>") && !organisations.contains("<td>Gebruiker</td>"))
            #expect(try await Web.get("/beheer/audit?entiteit=onbekend", as: admin, in: app).status == .badRequest)
        }
    }
}
