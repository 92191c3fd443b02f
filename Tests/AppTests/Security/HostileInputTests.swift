@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, item 1: every text of every kind of record, and every query parameter, holds a
/// value that would open an element if it were written unescaped; no page may contain `<x-inj`.
struct HostileInputTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    static let hostile = #""'><x-inj a="1">"#

    /// The ids of one record of each kind, every text field hostile.
    struct Records {
        var organisation = "", person = "", contactMoment = "", followUp = "", question = "", acquisition = "", topic = ""
        var project = "", meeting = "", scenario = "", option = "", signpost = ""
    }

    static func hostileRecords(in app: Application, admin: TestSession) async throws -> Records {
        let (headers, user) = try await API.token(.admin, in: app)
        let h = Self.hostile
        func created(_ path: String, _ json: [String: Any]) async throws -> String {
            let body = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            let response = try await API.call(.POST, path, body, headers: headers, in: app)
            #expect(response.status == .created, "\(path): \(response.body.string)")
            return try API.object(response)["id"] as? String ?? ""
        }
        var records = Records()
        records.organisation = try await created("/api/v1/organisations", [
            "kind": "company", "name": h, "address": h, "notes": h, "tags": [h], "kvk_number": "00000001", "establishment_numbers": ["000000000001"],
        ])
        records.person = try await created("/api/v1/people", ["name": h, "notes": h])
        _ = try await Web.post("/relaties/personen/\(records.person)/rollen", ["organisation": records.organisation, "title": h], as: admin, in: app)
        _ = try await Web.post("/relaties/onderwerpen", ["name": h], as: admin, in: app)
        records.topic = try #require(try await Topic.query(on: app.db).filter(\.$name == h).first()?.id?.uuidString)
        records.contactMoment = try await created("/api/v1/contact-moments", [
            "date": "2025-03-01", "kind": "visit", "organisations": [records.organisation], "people": [records.person], "topics": [records.topic],
            "notes": h, "follow_up": h, "follow_up_owner": user.email, "follow_up_due": "2025-04-01",
        ])
        records.followUp = try await created("/api/v1/follow-ups", [
            "description": h, "owner": user.email, "due_on": "2020-01-01", "organisation": records.organisation,
        ])
        records.question = try await created("/api/v1/questions", [
            "question": h, "channel": "email", "status": "answered", "answer": h, "routed_to": h, "organisation": records.organisation,
        ])
        records.acquisition = try await created("/api/v1/acquisitions", [
            "company_name": h, "codename": h, "notes": h, "origin_municipality": "GM0772", "stage": "decision", "team": [user.email],
        ])
        records.project = try await created("/api/v1/projects", [
            "name": h, "description": h, "funding_sources": h, "lead_organisation": records.organisation, "lead_person": records.person,
            "partners": [records.organisation], "budget_total": 100, "budget_municipal": 50, "ends_on": "2027-12-31",
            "milestones": [["what": h, "due_on": "2027-01-01"]],
            "scores": Criterion.allCases.map { ["criterion": $0.rawValue, "score": 3, "rationale": h, "assessor_person": records.person] },
        ])
        try await DriverTeamService(database: app.db, actor: .system).add(person: UUID(uuidString: records.person)!, side: .business, since: "2025-01-01")
        records.meeting = try await created("/api/v1/meetings", [
            "date": "2026-11-01", "title": h, "location": h, "minutes": h, "attendees": [records.person],
            "agenda": [["title": h, "project": records.project], ["title": h, "organisation": records.organisation]],
            "decisions": [["decision": h, "decided_by": h, "reasoning": h, "project": records.project]],
            "actions": [["description": h, "owner": user.email, "due_on": "2026-12-01", "project": records.project]],
        ])
        records.scenario = try await created("/api/v1/scenarios", ["name": h, "key": "vijandig", "description": h, "assumptions": [h], "signs": h])
        records.option = try await created("/api/v1/options", ["name": h, "key": "vijandige-optie", "description": h, "assumptions": [h]])
        let scored = try await API.call(.PUT, "/api/v1/futures/scores", String(decoding: try JSONSerialization.data(withJSONObject: [
            "assessor_person": records.person, "scores": [["option": "vijandige-optie", "scenario": "vijandig", "score": 5, "rationale": h]],
        ]), as: UTF8.self), headers: headers, in: app)
        #expect(scored.status == .ok, "\(scored.body.string)")
        records.signpost = try await created("/api/v1/signposts", [
            "name": h, "indicator": "open_questions", "scenario": "vijandig", "direction": "rising", "trigger": 50, "notes": h,
        ])
        _ = try await Accounts(database: app.db, passwordCost: app.passwordCost, actor: .system)
            .create(email: "hostile@example.org", name: h, role: .viewer, password: "password-long-enough")
        return records
    }

    /// Every GET route of the app as a path, with `:id` filled in by a record of its kind.
    static func pages(of app: Application, records: Records) -> [String] {
        app.routes.all.filter { $0.method == .GET }.map { route in
            var previous = ""
            return "/" + route.path.map { component -> String in
                defer { previous = component.description }
                guard case .parameter = component else { return component.description }
                switch previous {
                case "personen", "people": return records.person
                case "contactmomenten", "contact-moments": return records.contactMoment
                case "follow-ups": return records.followUp
                case "vragen", "questions": return records.question
                case "acquisitie", "acquisitions": return records.acquisition
                case "projecten", "projects": return records.project
                case "overleggen", "meetings": return records.meeting
                case "scenarios": return records.scenario
                case "opties", "options": return records.option
                case "signalen", "signposts": return records.signpost
                default: return records.organisation
                }
            }.joined(separator: "/")
        }
    }

    /// The query parameters the pages read (and may echo).
    static let parameters = ["q", "label", "next", "gebied", "van", "tot", "jaar", "sbi", "sectie", "status", "soort", "accountmanager", "melding", "opgeslagen", "samengevoegd",
                             "definitie", "eenheid", "sorteer", "grootte", "postcode", "kvk", "organisatie", "naam", "entiteit", "kanaal", "pagina", "taal",
                             "fase", "doel", "cluster", "budget", "methode", "beoordelaar", "w_impact", "optimism", "threshold", "scenario"]

    @Test func noPageWritesAHostileValueUnescaped() async throws {
        try await withTestApp { app in
            let register = SectorsPageTests.register + "\n000000000009,00000009,\"\(Self.hostile.replacingOccurrences(of: "\"", with: "\"\""))\",62.01,8011AB,GM0193,2020,50,0,2012"
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(register))
            let admin = try await app.session(as: .admin)
            let records = try await Self.hostileRecords(in: app, admin: admin)
            var checked = 0
            for path in Self.pages(of: app, records: records) where !path.hasPrefix("/api/") {
                for query in [""] + Self.parameters.map({ "?\($0)=\(Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }) {
                    let response = try await Web.get(path + query, as: admin, in: app)
                    #expect(response.status.code < 500, "\(path)\(query): \(response.status)")
                    if response.headers.contentType == .html {
                        #expect(!response.body.string.contains("<x-inj"), "\(path)\(query) writes a value unescaped")
                        checked += 1
                    }
                }
            }
            // Anonymous: the login page with a hostile `next`.
            try await app.testing().test(.GET, "/login?next=/%22%3E%3Cx-inj%3E") { response in
                #expect(!response.body.string.contains("<x-inj"))
            }
            #expect(checked > 500, "pages rendered: \(checked)")
            // The council report names projects, scenarios, signposts and organisations: escaped too, in both languages.
            for language in ["nl", "en"] {
                let report = try await Web.get("/rapportage/rapport?datum=\(CalendarDay.today.text)&rapporttaal=\(language)", as: admin, in: app)
                #expect(report.status == .ok && !report.body.string.contains("<x-inj"), "the report (\(language)): \(report.status)")
                #expect(report.body.string.contains("&lt;x-inj"), "the hostile names are in the report")
            }
            // The hostile values really are on the pages (the test would pass vacuously otherwise).
            let organisation = try await Web.get("/relaties/organisaties/\(records.organisation)/bewerken", as: admin, in: app).body.string
            #expect(organisation.contains(#"value="&quot;&#39;&gt;&lt;x-inj a=&quot;1&quot;&gt;""#))
        }
    }

    /// A link cannot put words of its own in a page's message box (a phishing aid): after a
    /// change the URL names the record, and the page writes the message.
    @Test func aLinkCannotPutAMessageOnAPage() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            let phishing = "Mail uw wachtwoord naar helpdesk@evil.example"
            for url in ["/relaties/dubbelen", "/beheer/gebruikers"] {
                for parameter in ["melding", "opgeslagen", "samengevoegd"] {
                    let query = phishing.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                    let response = try await Web.get("\(url)?\(parameter)=\(query)", as: admin, in: app)
                    // Links on the page keep the query (the language switch); the text must not show it.
                    let text = response.body.string.replacingOccurrences(of: #"href="[^"]*""#, with: "", options: .regularExpression)
                    #expect(!text.contains("wachtwoord naar"), "\(url)?\(parameter)")
                }
            }
            let saved = try await Web.get("/beheer/gebruikers?opgeslagen=\(try admin.user.requireID())", as: admin, in: app).body.string
            #expect(saved.contains("\(admin.user.name) is opgeslagen als Beheerder"))
        }
    }
}
