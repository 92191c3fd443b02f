@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The watchlist and the privacy review (issue 6).
struct WatchlistTests {
    typealias Web = OrganisationTests

    @Test func importantEnterprisesWithoutRecentContactAreListed() async throws {
        let register = [
            ImportTests.header,
            "000000000009,00000009,Groeier,62.01,8011AB,GM0193,2021,10,0,2000",
            "000000000009,00000009,Groeier,62.01,8011AB,GM0193,2024,18,0,2000",
            "000000000008,00000008,Groot,86.10,8011AB,GM0193,2024,500,0,1990",
            "000000000007,00000007,Bezocht,47.11,8011AB,GM0193,2024,300,0,1990",
        ].joined(separator: "\n")
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(register))
            let session = try await app.session(as: .accountmanager)
            let users = UserDirectory([])
            for (name, kvk) in [("Groot BV", "00000008"), ("Bezocht BV", "00000007")] {
                var input = OrganisationInput(kind: "company", name: name)
                input.kvkNumber = kvk
                try await OrganisationService(database: app.db, actor: .system).create(try input.validated(reference: try ReferenceData.shared.get(), users: users))
            }
            let visited = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Bezocht BV").first()?.requireID())
            let old = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Groot BV").first()?.requireID())
            let recent = CalendarDay.today.monthsEarlier(2).text, longAgo = CalendarDay.today.monthsEarlier(20).text
            for (organisation, date) in [(visited, recent), (old, longAgo)] {
                try await ContactMomentService(database: app.db, actor: .system).create(
                    try await ContactMomentInput(date: date, kind: "visit", organisations: [organisation.uuidString]).validated(on: app.db, users: users))
            }
            let page = try await Web.get("/relaties/volglijst", as: session, in: app).body.string
            #expect(page.contains("Groot BV") && page.contains(CalendarDay(longAgo)!.dutch), "met 20 months ago")
            #expect(page.contains("Groeier") && page.contains("snelle groeier") && page.contains("nog geen relatie"), "fast grower not yet a relation")
            #expect(!page.contains("Bezocht BV"), "met 2 months ago")
            #expect(page.contains("nr. 1 werkgever"))
        }
    }

    @Test func peopleWithoutActivityAreListedForReview() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            let person = try await PersonService(database: app.db, actor: .system).create(try PersonInput(name: "Oud Contact").validated())
            // Make the person's last change five years old, bypassing the timestamp Fluent sets.
            try await (app.db as! any SQLDatabase).update("people").set("updated_at", to: SQLBind(Date(timeIntervalSinceNow: -5 * 365 * 86_400)))
                .where("id", .equal, try person.requireID()).run()
            _ = try await PersonService(database: app.db, actor: .system).create(try PersonInput(name: "Nieuw Contact").validated())
            let page = try await Web.get("/relaties/personen-review", as: admin, in: app).body.string
            #expect(page.contains("Oud Contact") && !page.contains("Nieuw Contact"))
            let manager = try await app.session(as: .accountmanager)
            #expect((try await Web.get("/relaties/personen-review", as: manager, in: app)).status == .forbidden)
        }
    }
}
