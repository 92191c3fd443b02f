@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Security issue, item 5: erasing (or deleting) a person leaves none of their identifiers,
/// in any spelling, in any text column or in the audit trail.
struct ErasureTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    @Test(arguments: [
        ("Bel Jan de Vries op 06-12345678", "Bel [gewist] op [gewist]"),
        ("JAN  DE VRIES: +31 6 1234 5678", "[gewist]: [gewist]"),
        ("jan de vries (0031 (0)6 12 34 56 78)", "[gewist] ([gewist])"),
        ("Mail J.deVries@Example.org of 0612345678.", "Mail [gewist] of [gewist]."),
        ("Kamer 06123456789 en 1061234567", "Kamer 06123456789 en 1061234567"),
    ])
    func identifiersAreFoundAsPeopleTypeThem(text: String, expected: String) {
        let scrubber = Privacy.Scrubber(name: "Jan de Vries", email: "j.devries@example.org", phone: "06 12 34 56 78")
        #expect(scrubber.scrub(text) == expected)
    }

    @Test(arguments: [true, false])
    func nothingOfAnErasedOrDeletedPersonRemains(throughTheAPIDelete: Bool) async throws {
        try await withTestApp { app in
            let (manager, user) = try await API.token(.accountmanager, in: app)
            let organisation = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Bakkerij","notes":"Eigenaar: annemarie ZWARTJES"}"#,
                                                                 headers: manager, in: app))["id"] as! String
            let person = try API.object(try await API.call(.POST, "/api/v1/people", #"{"name":"Annemarie Zwartjes","email":"a.zwartjes@bakkerij.example","phone":"038-1234567"}"#,
                                                           headers: manager, in: app))["id"] as! String
            let moment = try API.object(try await API.call(.POST, "/api/v1/contact-moments", """
                {"date":"2025-02-01","kind":"call","organisations":["\(organisation)"],"people":["\(person)"],"notes":"Belde A.Zwartjes@Bakkerij.example, terugbellen op 038 123 45 67"}
                """, headers: manager, in: app))["id"] as! String
            // An edit leaves the old notes as values in the audit trail.
            _ = try await API.call(.PATCH, "/api/v1/contact-moments/\(moment)", #"{"notes":"Annemarie zwartjes belt terug"}"#, headers: manager, in: app)
            _ = try await API.call(.POST, "/api/v1/follow-ups", """
                {"description":"Offerte naar annemarie zwartjes","owner":"\(user.email)","due_on":"2025-03-01","organisation":"\(organisation)"}
                """, headers: manager, in: app)
            _ = try await API.call(.POST, "/api/v1/questions", """
                {"question":"Vraag van 0381234567","channel":"phone","routed_to":"Annemarie Zwartjes (EZ)","organisation":"\(organisation)"}
                """, headers: manager, in: app)

            if throughTheAPIDelete {
                #expect(try await API.call(.DELETE, "/api/v1/people/\(person)", headers: manager, in: app).status == .noContent)
            } else {
                let (admin, _) = try await API.token(.admin, in: app)
                #expect(try await API.call(.POST, "/api/v1/people/\(person)/erase", headers: admin, in: app).status == .noContent)
            }
            let texts = try await PeopleAndContactTests.everyText(in: app).map { $0.lowercased() }
            for identifier in ["zwartjes", "a.zwartjes@bakkerij.example", "038-1234567", "038 123 45 67", "0381234567"] {
                #expect(!texts.contains { $0.contains(identifier) }, "\(identifier) is still in the database")
            }
            #expect(texts.contains { $0.contains("[gewist] belt terug") }, "the rest of the note stays")
        }
    }

    /// Text columns that hold codes, names of things (not people), hashes or dates: they cannot
    /// hold a person's name or contact details typed in free text. Every other text column of the
    /// schema must be in `Privacy.freeText`. A new table or column fails this test until it is
    /// placed in one of the two.
    static let structured: Set<String> = [
        "sbi_codes.*", "municipalities.*", "population.*", "municipal_figures.*", "ecosystem_scores.*", "establishments.*", "register_records.*", "national_jobs.*", "national_division_jobs.*",
        "settings.*", "sessions.*", "api_tokens.*", "clusters.*", "organisations.education_level", "engagements.date", "engagements.kind", "collaborations.kind", "organisations.showcase_since", "places.key", "places.name", "places.postcodes", "collaborations.started_on", "collaborations.ended_on", "login_failures.*", "_fluent_migrations.*", "_fluent_enums.*",
        "import_runs.kind", "import_runs.file_name", "import_runs.outcome", "import_runs.sha256",
        "users.email", "users.name", "users.role", "users.password_hash",
        "audit_events.channel", "audit_events.action", "audit_events.entity", "audit_events.entity_id",
        "organisations.kind", "organisations.name", "organisations.kvk_number", "organisations.sbi", "organisations.address", "organisations.postcode",
        "organisations.municipality_code", "organisations.website", "organisations.tags", "organisations.origin_municipality_code", "organisations.arrived_on",
        "organisation_establishments.establishment_number",
        "people.*", "person_consents.*", "affiliations.*", "contact_moment_people.*",
        "topics.name", "contact_moments.date", "contact_moments.kind", "follow_ups.due_on", "follow_ups.status",
        "questions.channel", "questions.status", "acquisitions.company_name", "acquisitions.codename", "acquisitions.origin_municipality_code",
        "acquisitions.stage", "acquisitions.decision_on",
        "goals.key", "goals.title_nl", "goals.title_en", "goals.indicator", "goals.parameters", "goals.baseline_date", "goals.deadline", "goals.direction",
        // Frozen figures: goal titles, parameters, statuses, and evidence as KvK numbers and organisation names (never people).
        "goal_measurements.*", "manual_values.series", "manual_values.name", "manual_values.unit", "manual_values.date",
        // The programme: names of projects (things, not people), phases, dates, criteria and driver-team sides.
        "projects.name", "projects.phase", "projects.phase_since", "projects.starts_on", "projects.ends_on", "project_phases.*",
        "project_milestones.due_on", "project_milestones.done_on", "project_scores.criterion", "project_scores.scored_on",
        "meetings.date", "decisions.date", "driver_team_members.side", "driver_team_members.since", "driver_team_members.until",
        // Futures: names and keys of scenarios and options, signposts' indicators and readings, and
        // alerts (which repeat a signpost's name and values).
        "futures_items.kind", "futures_items.key", "futures_items.name", "robustness_scores.scored_on",
        "signposts.indicator", "signposts.parameters", "signposts.direction", "signposts.status", "signposts.as_of",
        "signposts.projected_crossing", "signposts.problem", "signpost_alerts.as_of", "signpost_alerts.direction",
        // Frozen council reports: dates, codes and hashes; the HTML and PDF are binary columns,
        // scrubbed by `Privacy.erase` where a decision's text named the person.
        "council_reports.reporting_date", "council_reports.area", "council_reports.language", "council_reports.html_sha256",
        "council_reports.pdf_sha256", "council_reports.goal_measurements",
    ]

    /// Tables whose rows name a person: erasure deletes those rows or clears the reference.
    static let referencingPeople: Set<String> = ["person_consents", "affiliations", "contact_moment_people", "questions", "engagement_people",
                                                 "projects", "project_scores", "meeting_attendees", "driver_team_members",
                                                 "robustness_scores"]

    @Test func everyTextColumnOfTheSchemaIsKnownToTheErasure() async throws {
        try await withTestApp { app in
            let sql = app.sql
            let columns: [(table: String, column: String, type: String)]
            if sql.dialect.name == "sqlite" {
                var found: [(String, String, String)] = []
                for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                    .map({ try $0.decode(column: "name", as: String.self) }) {
                    for row in try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all() {
                        found.append((table, try row.decode(column: "name", as: String.self), try row.decode(column: "type", as: String.self).lowercased()))
                    }
                }
                columns = found
            } else {
                columns = try await sql.raw("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()").all()
                    .map { (try $0.decode(column: "table_name", as: String.self), try $0.decode(column: "column_name", as: String.self),
                            try $0.decode(column: "data_type", as: String.self).lowercased()) }
            }
            // The audit trail's values are scrubbed as JSON (`Scrubber.scrubJSON`), apart from the list.
            let freeText = Set(Privacy.freeText.map { "\($0.table).\($0.column)" }).union(["audit_events.changes"])
            for (table, column, type) in columns where type.contains("text") || type.contains("char") {
                let name = "\(table).\(column)"
                #expect(freeText.contains(name) || Self.structured.contains(name) || Self.structured.contains("\(table).*"),
                        "\(name) is a text column the erasure does not know: add it to Privacy.freeText or, if it cannot hold free text, to ErasureTests.structured")
            }
            for (table, column, _) in columns where column.hasSuffix("person_id") {
                #expect(Self.referencingPeople.contains(table), "\(table).person_id points at people: make erasure delete or clear it")
            }
            // Merging two organisations moves every reference to the one that stays.
            for (table, column, _) in columns where column.hasSuffix("organisation_id") && !column.hasPrefix("origin") {
                #expect(OrganisationService.tablesReferencingOrganisations.contains(table), "\(table).\(column) points at organisations: make merge move it")
            }
            #expect(freeText.allSatisfy { name in columns.contains { "\($0.table).\($0.column)" == name } }, "Privacy.freeText names a column that does not exist")
        }
    }
}
