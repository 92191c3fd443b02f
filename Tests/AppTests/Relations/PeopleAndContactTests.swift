@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// People, their roles and consents, contact moments and follow-ups, and the AVG (issue 6).
struct PeopleAndContactTests {
    typealias Web = OrganisationTests

    /// An organisation, made through the form; returns its id.
    static func organisation(_ name: String, as session: TestSession, in app: Application) async throws -> UUID {
        _ = try await Web.post("/relaties", ["kind": "company", "name": name], as: session, in: app)
        return try #require(try await Organisation.query(on: app.db).filter(\.$name == name).first()?.requireID())
    }

    static func person(_ fields: [String: String], as session: TestSession, in app: Application) async throws -> UUID {
        let response = try await Web.post("/relaties/personen", fields, as: session, in: app)
        #expect(response.status == .seeOther, "\(response.body.string.prefix(400))")
        return try #require(try await Person.query(on: app.db).filter(\.$name == fields["name"]!).first()?.requireID())
    }

    @Test(arguments: [
        (["name": "Anna", "email": "anna-at-example"], "email", "is geen e-mailadres"),
        (["name": "Anna", "phone": "bel mij"], "phone", "is geen telefoonnummer"),
        (["name": "", "email": "anna@example.org"], "name", "is verplicht"),
        (["name": "Anna", "lawful_basis": "zomaar"], "lawful_basis", "kan niet"),
    ])
    func aBadPersonIsRefusedWithTheField(fields: [String: String], field: String, message: String) async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let response = try await Web.post("/relaties/personen", fields, as: session, in: app)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(#"id="\#(field)-fout""#) && response.body.string.contains(message))
            #expect(try await app.count("people") == 0)
        }
    }

    @Test func onePersonHasRolesInSeveralOrganisationsAndAConsentHistory() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let isala = try await Self.organisation("Isala", as: session, in: app), windesheim = try await Self.organisation("Windesheim", as: session, in: app)
            let anna = try await Self.person(["name": "Anna de Vries", "email": "Anna@Example.org", "consents[]": "newsletter"], as: session, in: app)
            #expect(try await Person.find(anna, on: app.db)?.email == "anna@example.org")
            // An end date before the start date is refused, nothing is written.
            let bad = try await Web.post("/relaties/personen/\(anna)/rollen", ["organisation": isala.uuidString, "from": "2024-01-01", "to": "2023-12-31"], as: session, in: app)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("ligt vóór de begindatum"))
            #expect(try await app.count("affiliations") == 0)
            for (organisation, title) in [(isala, "Bestuurder"), (windesheim, "Lector")] {
                let added = try await Web.post("/relaties/personen/\(anna)/rollen", ["organisation": organisation.uuidString, "title": title, "from": "2022-01-01"],
                                               as: session, in: app)
                #expect(added.status == .seeOther)
            }
            let page = try await Web.get("/relaties/personen/\(anna)", as: session, in: app).body.string
            #expect(page.contains("Isala") && page.contains("Windesheim") && page.contains("Lector"))
            // Withdrawing the newsletter keeps the history.
            _ = try await Web.post("/relaties/personen/\(anna)", ["name": "Anna de Vries", "email": "anna@example.org", "consents[]": ""], as: session, in: app)
            let history = try await PersonConsent.query(on: app.db).filter(\.$person.$id == anna).sort(\.$recordedAt).all()
            #expect(history.map(\.given) == [true, false])
            #expect(try await PersonService(database: app.db, actor: .system).consents(of: anna).isEmpty)
            // The trail says what changed, never the person's values.
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == "person").all().map(\.changes).joined()
            #expect(!trail.contains("Anna") && !trail.contains("example.org") && trail.contains(#""email":{"personal":true}"#))
        }
    }

    @Test func peopleAreFoundByTheKvKNumberOrPostcodeOfTheirOrganisation() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            _ = try await Web.post("/relaties", ["kind": "company", "name": "Drukkerij", "kvk_number": "22223333", "postcode": "8011AB"], as: session, in: app)
            let organisation = try #require(try await Organisation.query(on: app.db).first()?.requireID())
            let anna = try await Self.person(["name": "Anna"], as: session, in: app)
            _ = try await Self.person(["name": "Bram"], as: session, in: app)
            _ = try await Web.post("/relaties/personen/\(anna)/rollen", ["organisation": organisation.uuidString], as: session, in: app)
            for search in ["22223333", "8011"] {
                let page = try await Web.get("/relaties/personen?q=\(search)", as: session, in: app).body.string
                #expect(page.contains(">Anna<") && !page.contains(">Bram<"), "\(search)")
            }
        }
    }

    @Test func aVisitWithTwoPeopleAndAFollowUpShowsInMyTasksOverdueFirst() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let company = try await Self.organisation("Machinefabriek", as: session, in: app)
            let anna = try await Self.person(["name": "Anna"], as: session, in: app), bram = try await Self.person(["name": "Bram"], as: session, in: app)
            let topic = try #require(try await Topic.query(on: app.db).filter(\.$name == "Innovatie").first()?.requireID())
            var visit = ["date": "2025-03-14", "kind": "visit", "organisations[]": company.uuidString, "notes": "Uitbreiding hal",
                         "account_managers[]": session.user.id!.uuidString, "topics[]": topic.uuidString,
                         "follow_up": "Offerte bespreken", "follow_up_due": "2025-04-01"]
            // A follow-up without an owner is refused, and so is the contact moment.
            let refused = try await Web.post("/relaties/contactmomenten", visit, as: session, in: app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("een vervolgactie heeft een eigenaar nodig"))
            #expect(try await app.count("contact_moments") == 0)
            // The summary names the field as the form does, not by its key (issue 13).
            #expect(refused.body.string.contains(##"<a href="#follow_up_owner">Vervolgactie: Wie: "##) && !refused.body.string.contains(">follow_up_owner:"))
            visit["follow_up_owner"] = session.user.id!.uuidString
            var saved: TestingHTTPResponse?
            try await app.testing().test(.POST, "/relaties/contactmomenten", headers: session.headers, beforeRequest: { request in
                // Two people: the form sends people[] twice.
                let body = visit.merging(["csrf": session.csrf]) { $1 }.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                    + ["people%5B%5D=\(anna.uuidString)", "people%5B%5D=\(bram.uuidString)"]
                request.headers.contentType = .urlEncodedForm
                request.body = ByteBuffer(string: body.joined(separator: "&"))
            }) { saved = $0 }
            #expect(saved?.status == .seeOther, "\(saved?.body.string.prefix(500) ?? "")")
            let moment = try #require(try await ContactMoment.query(on: app.db).first())
            let links = try await ContactMomentService(database: app.db, actor: .system).links(of: moment.requireID())
            #expect(Set(links[.people] ?? []) == [anna, bram] && links[.organisations] == [company] && links[.topics] == [topic])
            // A second, later follow-up; the overdue one (2025-04-01) comes first.
            _ = try await FollowUpService(database: app.db, actor: .system).create(.init(description: "Later", owner: session.user.id!, dueOn: "2999-01-01",
                                                                                   status: .open, organisation: company, contactMoment: nil))
            let tasks = try await Web.get("/relaties/taken", as: session, in: app).body.string
            let first = try #require(tasks.range(of: "Offerte bespreken")), later = try #require(tasks.range(of: "Later"))
            #expect(first.lowerBound < later.lowerBound && tasks.contains("(te laat)"))
            let organisationPage = try await Web.get("/relaties/organisaties/\(company)", as: session, in: app).body.string
            #expect(organisationPage.contains("14-03-2025") && organisationPage.contains("Offerte bespreken"))
            // Editing the contact moment shows the follow-up planned with it.
            let editing = try await Web.get("/relaties/contactmomenten/\(try moment.requireID())", as: session, in: app).body.string
            #expect(editing.contains("Al gepland bij dit contactmoment:") && editing.contains("Offerte bespreken — Test Accountmanager, 01-04-2025 (Open)"))
            // Done: it leaves the list.
            let followUp = try #require(try await FollowUp.query(on: app.db).filter(\.$description == "Offerte bespreken").first())
            _ = try await Web.post("/relaties/vervolgacties/\(try followUp.requireID())/status", ["status": "done"], as: session, in: app)
            #expect(!(try await Web.get("/relaties/taken", as: session, in: app)).body.string.contains("Offerte bespreken"))
        }
    }

    @Test func theTopicsAreAnEditableList() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            #expect(try await Topic.query(on: app.db).count() == CreateTopics.defaults.count)
            #expect((try await Web.post("/relaties/onderwerpen", ["name": "Circulaire economie"], as: session, in: app)).status == .seeOther)
            let twice = try await Web.post("/relaties/onderwerpen", ["name": "Circulaire economie"], as: session, in: app)
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("staat al in de lijst"))
            let topic = try #require(try await Topic.query(on: app.db).filter(\.$name == "Circulaire economie").first())
            _ = try await Web.post("/relaties/onderwerpen/\(try topic.requireID())", ["name": "Circulair ondernemen"], as: session, in: app)
            #expect(try await Topic.find(topic.requireID(), on: app.db)?.name == "Circulair ondernemen")
            let viewer = try await app.session(as: .viewer)
            #expect((try await Web.post("/relaties/onderwerpen", ["name": "Nog een"], as: viewer, in: app)).status == .forbidden)
        }
    }

    @Test func aContactMomentNeedsSomeoneAndExistingRecords() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let nobody = try await Web.post("/relaties/contactmomenten", ["date": "2025-03-14", "kind": "call"], as: session, in: app)
            #expect(nobody.status == .unprocessableEntity && nobody.body.string.contains("kies minstens één organisatie of persoon"))
            let unknown = try await Web.post("/relaties/contactmomenten", ["date": "2025-13-01", "kind": "call", "organisations[]": UUID().uuidString], as: session, in: app)
            #expect(unknown.body.string.contains("is geen datum") && unknown.body.string.contains("bestaat niet (meer)"))
            #expect(try await app.count("contact_moments") == 0)
        }
    }

    /// Every text value in every table of the database.
    static func everyText(in app: Application) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        let tables: [String]
        if sql.dialect.name == "sqlite" {
            tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) }
        } else {
            tables = try await sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").all()
                .map { try $0.decode(column: "table_name", as: String.self) }
        }
        var texts: [String] = []
        for table in tables where table != "register_records" && table != "sbi_codes" {
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                for column in row.allColumns { if let text = try? row.decode(column: column, as: String.self) { texts.append(text) } }
            }
        }
        return texts
    }

    @Test func anAdministratorExportsAndErasesAPersonAndNothingOfThemRemains() async throws {
        try await withTestApp { app in
            let manager = try await app.session(as: .accountmanager), admin = try await app.session(as: .admin)
            let company = try await Self.organisation("Bakkerij", as: manager, in: app)
            let anna = try await Self.person(["name": "Annemarie Zwartjes", "email": "a.zwartjes@bakkerij.example", "phone": "038-1234567",
                                              "notes": "Voorkeur voor ochtendafspraken", "consents[]": "showcase"], as: manager, in: app)
            _ = try await Web.post("/relaties/personen/\(anna)/rollen", ["organisation": company.uuidString, "title": "Eigenaar"], as: manager, in: app)
            let values = try await ContactMomentInput(date: "2025-02-01", kind: "visit", organisations: [company.uuidString], people: [anna.uuidString],
                                                      notes: "Gesprek met Annemarie Zwartjes (038-1234567) over uitbreiding")
                .validated(on: app.db, users: try await UserDirectory.load(on: app.db))
            try await ContactMomentService(database: app.db, actor: .system).create(values)
            _ = try await Web.post("/relaties", ["kind": "company", "name": "Bakkerij 2", "notes": "Contact via a.zwartjes@bakkerij.example"], as: manager, in: app)

            // Only an administrator may export or erase.
            #expect((try await Web.get("/relaties/personen/\(anna)/gegevens", as: manager, in: app)).status == .forbidden)
            let export = try await Web.get("/relaties/personen/\(anna)/gegevens", as: admin, in: app)
            #expect(export.status == .ok && export.headers.contentType == .json)
            let json = export.body.string
            #expect(json.contains("Annemarie Zwartjes") && json.contains("038-1234567") && json.contains("Eigenaar") && json.contains("showcase"))
            #expect(json.contains("over uitbreiding"), "the contact moments they took part in")

            #expect((try await Web.post("/relaties/personen/\(anna)/wissen", [:], as: admin, in: app)).status == .badRequest, "needs the confirmation")
            #expect((try await Web.post("/relaties/personen/\(anna)/wissen", ["confirm": "yes"], as: admin, in: app)).status == .seeOther)

            let texts = try await Self.everyText(in: app)
            for personal in ["Annemarie", "Zwartjes", "a.zwartjes@bakkerij.example", "038-1234567", "ochtendafspraken"] {
                #expect(!texts.contains { $0.contains(personal) }, "\(personal) is still in the database")
            }
            let moment = try #require(try await ContactMoment.query(on: app.db).first())
            #expect(moment.erasedPeople == 1 && moment.notes?.contains("[gewist]") == true, "the contact moment keeps the fact")
            #expect(try await app.count("people") == 0)
            #expect(try await app.count("affiliations") == 0)
        }
    }
}
