@testable import App
import Fluent
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

    /// Times in Amsterdam's time zone (issue 13): an event at 12:00 UTC in July is 14:00 there.
    @Test func recordsAndIdsAreNamedAndActionsAreInTheReadersLanguage() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            let colleague = try await app.session(as: .accountmanager, email: "collega@example.org")
            let company = try await PeopleAndContactTests.organisation("Zeilmakerij", as: admin, in: app)
            let followUp = try await FollowUpService(database: app.db, actor: .system).create(.init(
                description: "Offerte", owner: admin.user.id!, dueOn: "2025-04-01", status: .open, organisation: company, contactMoment: nil))
            _ = try await OrganisationTests.post("/relaties/vervolgacties/\(try followUp.requireID())/planning",
                                                 ["due_on": "2099-05-01", "owner": colleague.user.id!.uuidString], as: admin, in: app)
            let page = try await Web.get("/beheer/audit", as: admin, in: app).body.string
            #expect(page.contains(#">Zeilmakerij</a>"#), "the organisation by name, linked")
            #expect(page.contains("aangemaakt") && page.contains("gewijzigd") && page.contains("website"))
            #expect(page.contains("owner: \(admin.user.name) → \(colleague.user.name)"), "ids in the changes by name")
            #expect(!page.contains("<td>create</td>") && !page.contains("<td>update</td>"))
            let english = try await Web.get("/beheer/audit?taal=en", as: admin, in: app).body.string
            #expect(english.contains("created") && english.contains("changed"))
        }
    }

    @Test func timesAreAmsterdamTime() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            try await AuditEvent(at: Date(timeIntervalSince1970: 1_752_321_600), actorID: nil, channel: .cli, action: .update, entity: "setting",
                                 entityID: "x", changes: "{}").create(on: app.db) // 2025-07-12 12:00 UTC
            let page = try await Web.get("/beheer/audit", as: admin, in: app).body.string
            #expect(page.contains("12-07-2025 14:00:00"))
        }
    }

    /// A save that changed nothing leaves no event (issue 13).
    @Test func aSaveThatChangesNothingIsNotAnEvent() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            _ = try await Web.post("/relaties", ["kind": "company", "name": "Ongewijzigd BV"], as: admin, in: app)
            let organisation = try #require(try await Organisation.query(on: app.db).first()?.requireID())
            let before = try await app.count("audit_events")
            _ = try await Web.post("/relaties/organisaties/\(organisation)", ["kind": "company", "name": "Ongewijzigd BV"], as: admin, in: app)
            #expect(try await app.count("audit_events") == before)
            _ = try await Web.post("/relaties/organisaties/\(organisation)", ["kind": "company", "name": "Gewijzigd BV"], as: admin, in: app)
            #expect(try await app.count("audit_events") == before + 1)
        }
    }
}
