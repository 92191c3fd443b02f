@testable import App
import Analysis
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Relaties > Organisaties: the form, search, register history, CSV import and export (issue 6).
struct OrganisationTests {
    /// Posts a form as `session`, with its CSRF token.
    static func post(_ path: String, _ fields: [String: String], as session: TestSession, in app: Application) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: session.headers, beforeRequest: { request in
            try request.content.encode(fields.merging(["csrf": session.csrf]) { $1 }, as: .urlEncodedForm)
        }) { result = $0 }
        return result!
    }

    static func get(_ path: String, as session: TestSession, in app: Application) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: session.headers) { result = $0 }
        return result!
    }

    static let software = ["kind": "company", "name": "Software Een", "kvk_number": "00000001", "establishment_numbers": "000000000001",
                           "sbi": "6201", "postcode": "8011 ab", "municipality": "0193", "tags": "ICT, groeier", "website": "software-een.nl"]

    @Test(arguments: [
        ("kvk_number", "1234567", "'1234567' is geen KvK-nummer"),
        ("establishment_numbers", "12345", "'12345' is geen vestigingsnummer"),
        ("sbi", "99.99", "'99.99' is geen SBI-code"),
        ("postcode", "80111", "'80111' is geen postcode"),
        ("kind", "vereniging", "'vereniging' kan niet"),
        ("arrived_on", "2025-02-30", "'2025-02-30' is geen datum"),
        ("name", "", "is verplicht"),
        ("account_manager", "niemand@example.org", "is geen gebruiker"),
    ])
    func aBadFieldIsNamedAndNothingIsSaved(field: String, value: String, message: String) async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let response = try await Self.post("/relaties", Self.software.merging([field: value]) { $1 }, as: session, in: app)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(message), "\(field)")
            #expect(response.body.string.contains(#"id="\#(field)-fout""#), "the message is linked to the field")
            #expect(try await app.count("organisations") == 0)
            #expect(try await app.count("audit_events") == 1, "only the user made for the test")
        }
    }

    @Test func anOrganisationIsCreatedFoundAndShownWithItsRegisterHistory() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .accountmanager)
            let response = try await Self.post("/relaties", Self.software, as: session, in: app)
            #expect(response.status == .seeOther)
            let location = try #require(response.headers.first(name: .location))
            let organisation = try #require(try await Organisation.query(on: app.db).first())
            #expect(location == "/relaties/organisaties/\(try organisation.requireID().uuidString)")
            #expect(organisation.postcode == "8011AB" && organisation.sbi == "62.01" && organisation.municipality == "GM0193")
            #expect(organisation.tags == "groeier,ict" && organisation.website == "https://software-een.nl")

            for search in ["software", "00000001", "000000000001", "8011", "62"] {
                let list = try await Self.get("/relaties?q=\(search)", as: session, in: app)
                #expect(list.body.string.contains("Software Een"), "found by \(search)")
            }
            #expect(!(try await Self.get("/relaties?q=zorg", as: session, in: app)).body.string.contains("Software Een"))
            #expect((try await Self.get("/relaties?label=ict", as: session, in: app)).body.string.contains("Software Een"))
            #expect(!(try await Self.get("/relaties?label=ic", as: session, in: app)).body.string.contains("Software Een"), "whole tags only")

            let page = try await Self.get(location, as: session, in: app).body.string
            // Software Een: 120 jobs in 2010, 200 in 2020 (see SectorsPageTests.register).
            #expect(page.contains("<h1>Software Een</h1>"))
            #expect(page.contains(">2010</th><td class=\"number\">1</td><td class=\"number\">120<"))
            #expect(page.contains(">2020</th><td class=\"number\">1</td><td class=\"number\">200<"))

            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "organisation").all()
            #expect(audit.count == 1 && audit[0].actorID == session.user.id && audit[0].changes.contains("\"name\""))
        }
    }

    @Test func aHighGrowthEnterpriseIsMarked() async throws {
        let register = [
            ImportTests.header,
            "000000000009,00000009,Groeier,62.01,8011AB,GM0193,2017,10,0,2000",
            "000000000009,00000009,Groeier,62.01,8011AB,GM0193,2020,18,0,2000",
        ].joined(separator: "\n")
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(register))
            let session = try await app.session(as: .viewer)
            let values = try { var input = OrganisationInput(kind: "company", name: "Groeier"); input.kvkNumber = "00000009"; return input }()
                .validated(reference: try ReferenceData.shared.get(), users: UserDirectory([]))
            let organisation = try await OrganisationService(database: app.db, actor: .system).create(values)
            // 10 -> 18 jobs is +80% in three years: more than 72.8%.
            let page = try await Self.get("/relaties/organisaties/\(try organisation.requireID())", as: session, in: app).body.string
            #expect(page.contains("Snelle groeier 2017-2020"))
        }
    }

    @Test func aViewerMayReadButNotChange() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            #expect((try await Self.post("/relaties", Self.software, as: viewer, in: app)).status == .forbidden)
            #expect((try await Self.get("/relaties", as: viewer, in: app)).status == .ok)
            #expect(try await app.count("organisations") == 0)
        }
    }

    @Test func editingAndDeletingAreAudited() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .adviser)
            _ = try await Self.post("/relaties", Self.software, as: session, in: app)
            let id = try #require(try await Organisation.query(on: app.db).first()?.requireID())
            let changed = try await Self.post("/relaties/organisaties/\(id)", Self.software.merging(["name": "Software Eén BV", "notes": "Jan belt terug"]) { $1 },
                                              as: session, in: app)
            #expect(changed.status == .seeOther)
            #expect(try await Organisation.find(id, on: app.db)?.name == "Software Eén BV")
            let update = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == .update).first())
            #expect(update.changes.contains("Software Eén BV") && update.changes.contains(#""notes":{"personal":true}"#))
            #expect(!update.changes.contains("Jan belt terug"), "notes may name people: not copied into the trail")
            #expect((try await Self.post("/relaties/organisaties/\(id)/verwijderen", [:], as: session, in: app)).status == .seeOther)
            #expect(try await app.count("organisations") == 0)
            #expect(try await app.count("organisation_establishments") == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == .delete).count() == 1)
        }
    }
}

/// Organisations as CSV: all or nothing, every problem with its line (issue 6).
struct OrganisationsCSVTests {
    static let header = "kind,name,kvk_number,establishment_numbers,sbi,postcode,municipality,tags"

    @Test func aFileWithBadRowsIsRefusedWithEveryLineAndNothingIsWritten() async throws {
        try await withTestApp { app in
            let text = [Self.header, "company,Goed BV,12345678,,62.01,8011AB,GM0193,ict",
                        "company,Fout BV,1234,,62.01,8011AB,GM0193,", "school,Ook Fout,,,00.00,,,"].joined(separator: "\n")
            do {
                _ = try await Importer(database: app.db).importOrganisations(path: try temporaryFile(text, name: "organisaties.csv"))
                Issue.record("accepted a bad file")
            } catch let rejected as ImportRejected {
                let report = rejected.report()
                #expect(report.contains("line 3, column kvk_number: '1234' is geen KvK-nummer"), "\(report)")
                #expect(report.contains("line 4, column kind: 'school' kan niet"))
                #expect(report.contains("line 4, column sbi: '00.00' is geen SBI-code"))
            }
            #expect(try await app.count("organisations") == 0)
            #expect(try await ImportRun.query(on: app.db).first()?.outcome == .rejected)
        }
    }

    @Test func anImportExportsAgainInTheSameColumns() async throws {
        try await withTestApp { app in
            let text = [Self.header + ",education_level", "company,Goed BV,12345678,000000000001;000000000002,62.01,8011AB,GM0193,ict;groei,",
                        "education,\"School, de\",,,85.31,8012AB,GM0193,,hbo"].joined(separator: "\n")
            let summary = try await Importer(database: app.db).importOrganisations(path: try temporaryFile(text, name: "organisaties.csv"))
            #expect(summary.rows == 2)
            #expect(try await app.count("organisation_establishments") == 2)
            let session = try await app.session(as: .viewer)
            let csv = try await OrganisationTests.get("/relaties?formaat=csv", as: session, in: app).body.string
            let lines = csv.split(separator: "\n").map(String.init)
            #expect(lines.first == OrganisationsCSV.columns.joined(separator: ","))
            #expect(lines.contains(#"company,Goed BV,12345678,"000000000001;000000000002",62.01,,8011AB,GM0193,,,"groei;ict",,,,"#))
            #expect(lines.contains("education,\"School, de\",,,85.31,,8012AB,GM0193,,,,,,,hbo"), "the level of an education institution")
            // The export imports again.
            _ = try await Importer(database: app.db).importOrganisations(path: try temporaryFile(csv, name: "export.csv"))
            #expect(try await app.count("organisations") == 4)
        }
    }
}

/// People as CSV, with their role found by KvK number (issue 6).
struct PeopleCSVTests {
    @Test func peopleAreImportedWithTheirRolesOrRefusedWithEveryLine() async throws {
        try await withTestApp { app in
            let text = [OrganisationsCSVTests.header, "company,Goed BV,12345678,,62.01,8011AB,GM0193,"].joined(separator: "\n")
            _ = try await Importer(database: app.db).importOrganisations(path: try temporaryFile(text, name: "organisaties.csv"))
            let bad = ["name,email,organisation_kvk,title,from,to", "Anna,anna@example.org,12345678,Directeur,2024-01-01,2023-01-01",
                       "Bram,bram-at-example,,,,", "Cor,,99999999,,,"].joined(separator: "\n")
            do {
                _ = try await Importer(database: app.db).importPeople(path: try temporaryFile(bad, name: "personen.csv"))
                Issue.record("accepted a bad file")
            } catch let rejected as ImportRejected {
                let report = rejected.report()
                #expect(report.contains("line 2, column to: de einddatum 2023-01-01 ligt vóór de begindatum 2024-01-01"), "\(report)")
                #expect(report.contains("line 3, column email: 'bram-at-example' is geen e-mailadres"))
                #expect(report.contains("line 4, column organisation_kvk: geen organisatie met KvK-nummer 99999999"))
            }
            #expect(try await app.count("people") == 0)
            let good = ["name,email,consents,organisation_kvk,title", "Anna,anna@example.org,newsletter,12345678,Directeur", "Bram,,,,"].joined(separator: "\n")
            #expect(try await Importer(database: app.db).importPeople(path: try temporaryFile(good, name: "personen.csv")).rows == 2)
            #expect(try await app.count("affiliations") == 1)
            let csv = try await PeopleCSV.write(on: app.db)
            #expect(csv.contains("Anna,anna@example.org,,legitimate_interest,,newsletter,12345678,Directeur,,"))
            #expect(csv.contains("Bram,,,legitimate_interest,,,,,,"))
        }
    }
}
