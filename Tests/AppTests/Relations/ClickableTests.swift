@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Everything a page names links to its own page, and an organisation's page has one activity
/// timeline (issue 13).
struct ClickableTests {
    typealias Web = OrganisationTests

    @Test func namesAreLinksAndTheOrganisationHasOneTimeline() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let company = try await PeopleAndContactTests.organisation("Zeilmakerij", as: session, in: app)
            let anna = try await PeopleAndContactTests.person(["name": "Anna Zeilstra"], as: session, in: app)
            _ = try await Web.post("/relaties/personen/\(anna)/rollen", ["organisation": company.uuidString, "title": "Directeur"], as: session, in: app)
            let visit = try await Web.post("/relaties/contactmomenten", [
                "date": "2025-03-14", "kind": "visit", "organisations[]": company.uuidString, "people[]": anna.uuidString, "notes": "Nieuwe hal",
                "follow_up": "Offerte sturen", "follow_up_owner": session.user.id!.uuidString, "follow_up_due": "2025-04-01",
            ], as: session, in: app)
            #expect(visit.status == .seeOther)
            _ = try await Web.post("/relaties/vragen", ["question": "Is er ruimte op Hessenpoort?", "channel": "phone", "organisation": company.uuidString,
                                                        "received_at": "2025-02-02T10:00", "status": "new"], as: session, in: app)
            let moment = try #require(try await ContactMoment.query(on: app.db).first()?.requireID())
            let question = try #require(try await Question.query(on: app.db).first()?.requireID())

            let page = try await Web.get("/relaties/organisaties/\(company)", as: session, in: app).body.string
            let links = DrillDownTests.links(in: page)
            #expect(links.contains("/relaties/personen/\(anna)") && links.contains("/relaties/contactmomenten/\(moment)") && links.contains("/relaties/vragen/\(question)"))
            // One timeline, latest first: the follow-up (1 April), the visit (14 March), the question (2 February).
            let timeline = try #require(page.range(of: #"<ul class="timeline">"#).map { String(page[$0.lowerBound...]) })
            let followUp = try #require(timeline.range(of: "Offerte sturen")), visitItem = try #require(timeline.range(of: "Nieuwe hal")),
                questionItem = try #require(timeline.range(of: "Hessenpoort"))
            #expect(followUp.lowerBound < visitItem.lowerBound && visitItem.lowerBound < questionItem.lowerBound)

            let person = try await Web.get("/relaties/personen/\(anna)", as: session, in: app).body.string
            #expect(DrillDownTests.links(in: person).contains("/relaties/contactmomenten/\(moment)"))
            let moments = try await Web.get("/relaties/contactmomenten", as: session, in: app).body.string
            #expect(moments.contains(#"<a href="/relaties/personen/\#(anna)">Anna Zeilstra</a>"#), "people by name, not a count")
            #expect(DrillDownTests.links(in: moments).contains("/relaties/organisaties/\(company)"))
            let people = try await Web.get("/relaties/personen", as: session, in: app).body.string
            #expect(people.contains(#"<a href="/relaties/organisaties/\#(company)">Zeilmakerij</a>"#))
        }
    }
}
