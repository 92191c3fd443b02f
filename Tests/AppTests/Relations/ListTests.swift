@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Lists people can work with (issue 13): columns that sort, filters that stay in every link,
/// pages everywhere, what is overdue marked, follow-ups postponed or handed over, the pipeline as a board.
struct ListTests {
    typealias Web = OrganisationTests

    private static func position(of text: String, in page: String) -> String.Index? {
        page.range(of: text)?.lowerBound
    }

    @Test func organisationsShowTheirJobsAndLastContactAndSortByThem() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .accountmanager)
            for (name, kvk) in [("Software Een", "00000001"), ("Zorg Twee", "00000002"), ("Uitgever Drie", "00000003")] {
                _ = try await Web.post("/relaties", ["kind": "company", "name": name, "kvk_number": kvk], as: session, in: app)
            }
            let uitgever = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Uitgever Drie").first()?.requireID())
            _ = try await Web.post("/relaties/contactmomenten", ["date": "2025-02-03", "kind": "visit", "organisations[]": uitgever.uuidString],
                                   as: session, in: app)

            // Jobs of the latest register year: Zorg Twee 250, Software Een 200, Uitgever Drie 40.
            let byJobs = try await Web.get("/relaties?sorteer=banen&volgorde=af", as: session, in: app).body.string
            let order = ["Zorg Twee", "Software Een", "Uitgever Drie"].compactMap { Self.position(of: ">\($0)</a>", in: byJobs) }
            #expect(order.count == 3 && order == order.sorted(), "most jobs first")
            #expect(byJobs.contains("250 (2020)") && byJobs.contains("200 (2020)"))
            #expect(byJobs.contains(#"aria-sort="descending""#))
            let byContact = try await Web.get("/relaties?sorteer=laatste-contact&volgorde=af", as: session, in: app).body.string
            #expect(byContact.contains("03-02-2025"))
            #expect(Self.position(of: ">Uitgever Drie</a>", in: byContact)! < Self.position(of: ">Software Een</a>", in: byContact)!, "contacted first")
            // A filter stays in the links that sort.
            let filtered = try await Web.get("/relaties?soort=company&sorteer=naam", as: session, in: app).body.string
            #expect(filtered.contains("soort=company&amp;sorteer=banen"))
            let unknown = try await Web.get("/relaties?sorteer=omzet", as: session, in: app)
            #expect(unknown.status == .badRequest && unknown.body.string.contains("naam, banen of laatste-contact"))
        }
    }

    @Test func contactMomentsFilterByPeriodKindOrganisationAccountManagerAndTopic() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let other = try await app.session(as: .accountmanager, email: "tweede@example.org")
            let company = try await PeopleAndContactTests.organisation("Zeilmakerij", as: session, in: app)
            _ = try await Web.post("/relaties/onderwerpen", ["name": "groei"], as: session, in: app)
            let topic = try #require(try await Topic.query(on: app.db).first()?.requireID())
            _ = try await Web.post("/relaties/contactmomenten", ["date": "2025-01-10", "kind": "visit", "organisations[]": company.uuidString,
                                                                 "topics[]": topic.uuidString, "account_managers[]": session.user.id!.uuidString,
                                                                 "notes": "januari"], as: session, in: app)
            let otherCompany = try await PeopleAndContactTests.organisation("Touwslagerij", as: session, in: app)
            let second = try await Web.post("/relaties/contactmomenten", ["date": "2025-03-10", "kind": "call", "account_managers[]": other.user.id!.uuidString,
                                                                          "organisations[]": otherCompany.uuidString,
                                                                          "notes": "maart"], as: session, in: app)
            #expect(second.status == .seeOther, "\(second.body.string.components(separatedBy: "error-summary").last?.prefix(400) ?? "")")
            let count = { (query: String) async throws -> String in
                let page = try await Web.get("/relaties/contactmomenten?\(query)", as: session, in: app).body.string
                let parts = page.components(separatedBy: "<p class=\"lead\">")
                #expect(parts.count == 2, "\(page.suffix(2000))")
                return String(parts.last!.prefix { $0 != " " })
            }
            var counts: [String] = []
            for query in ["", "soort=call", "vanaf=2025-02-01", "tot-en-met=2025-01-10", "organisatie=\(company)", "accountmanager=\(other.user.id!)",
                          "onderwerp=\(topic)"] {
                counts.append(try await count(query))
            }
            #expect(counts == ["2", "1", "1", "1", "1", "1", "1"])
            let oldestFirst = try await Web.get("/relaties/contactmomenten?sorteer=datum&volgorde=op", as: session, in: app).body.string
            #expect(Self.position(of: "10-01-2025", in: oldestFirst)! < Self.position(of: "10-03-2025", in: oldestFirst)!)
            // The filter shows on the page and stays in the sort links; a page past the end says so.
            let filtered = try await Web.get("/relaties/contactmomenten?soort=call&vanaf=2025-01-01&sorteer=soort&volgorde=op", as: session, in: app).body.string
            #expect(filtered.contains(#"<option value="call" selected="selected">"#) && filtered.contains(#"name="vanaf" value="2025-01-01""#))
            #expect(filtered.contains(#"aria-sort="ascending""#) && filtered.contains("vanaf=2025-01-01&amp;soort=call&amp;sorteer=datum"))
            let beyond = try await Web.get("/relaties/contactmomenten?pagina=9999", as: session, in: app).body.string
            #expect(beyond.contains("Pagina 9999 bestaat niet; er zijn er 1."))
            let bad = try await Web.get("/relaties/contactmomenten?vanaf=gisteren", as: session, in: app)
            #expect(bad.status == .badRequest && bad.body.string.contains("vanaf"))
        }
    }

    @Test func questionsComeInPagesThatKeepTheirFilter() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            for number in 1...60 {
                let question = Question()
                (question.question, question.channel, question.status, question.receivedAt) = ("Vraag \(number)", number % 2 == 0 ? .phone : .email, .new,
                                                                                               Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 86_400))
                try await question.create(on: app.db)
            }
            let first = try await Web.get("/relaties/vragen", as: session, in: app).body.string
            #expect(first.components(separatedBy: "<a href=\"/relaties/vragen/").count - 1 == 50, "50 a page, not all 60")
            #expect(first.contains("Pagina 1 van 2") && first.contains("pagina=2"))
            let phone = try await Web.get("/relaties/vragen?kanaal=phone", as: session, in: app).body.string
            #expect(phone.contains("30 vragen") && !phone.contains("Pagina 1 van"))
        }
    }

    @Test func overdueIsMarkedAndFollowUpsCanBePostponedOrHandedOver() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let colleague = try await app.session(as: .accountmanager, email: "collega@example.org")
            let followUp = try await FollowUpService(database: app.db, actor: .system).create(.init(
                description: "Offerte sturen", owner: session.user.id!, dueOn: "2024-01-01", status: .open, organisation: nil, contactMoment: nil))
            let id = try followUp.requireID()
            let tasks = try await Web.get("/relaties/taken", as: session, in: app).body.string
            #expect(tasks.contains(#"<tr class="overdue">"#) && tasks.contains("(te laat)"))

            let postponed = try await Web.post("/relaties/vervolgacties/\(id)/planning", ["due_on": "2099-02-01", "owner": session.user.id!.uuidString],
                                               as: session, in: app)
            #expect(postponed.status == .seeOther, "\(postponed.body.string.prefix(600))")
            #expect(try await FollowUp.find(id, on: app.db)?.dueOn == "2099-02-01")
            let handed = try await Web.post("/relaties/vervolgacties/\(id)/planning", ["due_on": "2099-02-01", "owner": colleague.user.id!.uuidString],
                                            as: session, in: app)
            #expect(handed.status == .seeOther)
            #expect(try await FollowUp.find(id, on: app.db)?.$owner.id == colleague.user.id)
            let mine = try await Web.get("/relaties/taken", as: session, in: app).body.string
            let theirs = try await Web.get("/relaties/taken", as: colleague, in: app).body.string
            #expect(!mine.contains("Offerte sturen") && theirs.contains("Offerte sturen"))
            // Not to a day already past, not to someone without a task list.
            let viewer = try await app.session(as: .viewer, email: "kijker@example.org")
            let past = try await Web.post("/relaties/vervolgacties/\(id)/planning", ["due_on": "2020-01-01", "owner": colleague.user.id!.uuidString], as: session, in: app)
            #expect(past.status == .badRequest && past.body.string.contains("Nieuwe datum: uitstellen kan tot vandaag of later"))
            let toViewer = try await Web.post("/relaties/vervolgacties/\(id)/planning", ["due_on": "2099-02-01", "owner": viewer.user.id!.uuidString], as: session, in: app)
            #expect(toViewer.status == .badRequest && toViewer.body.string.contains("Door: kies een collega"))
            let bad = try await Web.post("/relaties/vervolgacties/\(id)/planning", ["due_on": "morgen", "owner": colleague.user.id!.uuidString], as: session, in: app)
            let unchanged = try await FollowUp.find(id, on: app.db)?.dueOn
            #expect(bad.status == .badRequest && unchanged == "2099-02-01")
        }
    }

    @Test func acquisitionsPastTheirDecisionDateAreMarkedAndTheBoardHasAColumnPerStage() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            for (name, stage, decision) in [("Late Fabriek", "decision", "2020-01-01"), ("Vroege Fabriek", "lead", "2099-01-01"), ("Gelande Fabriek", "landed", "2020-01-01")] {
                let response = try await Web.post("/relaties/acquisitie", ["company_name": name, "stage": stage, "decision_on": decision], as: session, in: app)
                #expect(response.status == .seeOther, "\(response.body.string.components(separatedBy: "error-summary").last?.prefix(600) ?? "")")
            }
            let list = try await Web.get("/relaties/acquisitie", as: session, in: app).body.string
            #expect(list.contains("1 open acquisitie is over haar besluitdatum"), "landed ones are never overdue")
            let late = try #require(list.range(of: "Late Fabriek"))
            #expect(list[..<late.lowerBound].hasSuffix(">") && list[..<late.lowerBound].contains(#"<tr class="overdue">"#))
            let board = try await Web.get("/relaties/acquisitie?weergave=bord", as: session, in: app).body.string
            #expect(board.contains(#"<div class="board">"#))
            for stage in Acquisition.Stage.allCases { #expect(board.contains("<h2>\(stage.label) (")) }
            #expect(board.contains("Besluit (1)") && board.contains("Lead (1)") && board.contains(#"<li class="card overdue">"#))
        }
    }
}
