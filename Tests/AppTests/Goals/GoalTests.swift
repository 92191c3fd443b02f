@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Doelen (issue 15): the strategy's four goals as defaults, their values from the data against a
/// count by hand, a landed acquisition counted at once, snapshots that stay frozen, and bad input
/// refused by field with nothing written.
struct GoalTests {
    typealias API = RelationsAPITests

    /// Three enterprises over 2015-2018. By hand, jobs (full-time + part-time) 2015 → 2018:
    /// 1: 10 → 20 (26 % a year: a fast grower by OECD and EU 2014, founded 2014: a gazelle);
    /// 2: 10 → 15 (14,5 % a year: only by EU 2014's 10 %); 3: 5 → 50 (under 10 jobs at the start: none).
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Snel Een,62.01,8011AB,GM0193,2015,8,2,2014",
        "000000000001,00000001,Snel Een,62.01,8011AB,GM0193,2018,16,4,2014",
        "000000000002,00000002,Gestaag Twee,86.10,8012AB,GM0193,2015,10,0,2000",
        "000000000002,00000002,Gestaag Twee,86.10,8012AB,GM0193,2018,15,0,2000",
        "000000000003,00000003,Klein Drie,62.01,8013AB,GM0193,2015,5,0,2010",
        "000000000003,00000003,Klein Drie,62.01,8013AB,GM0193,2018,50,0,2010",
    ].joined(separator: "\n")

    private static func goal(_ key: String, headers: HTTPHeaders, in app: Application) async throws -> [String: Any] {
        let response = try await API.call(.GET, "/api/v1/goals/\(key)", nil, headers: headers, in: app)
        #expect(response.status == .ok, "\(response.body.string)")
        return try API.object(response)
    }

    private static func current(_ goal: [String: Any]) -> Double? {
        (goal["current"] as? [String: Any])?["value"] as? Double
    }

    @Test func theStrategysFourGoalsAreMeasuredFromTheData() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let (headers, _) = try await API.token(.viewer, in: app)
            let list = try await API.call(.GET, "/api/v1/goals", nil, headers: headers, in: app)
            let goals = try #require(try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as? [[String: Any]])
            #expect(Set(goals.compactMap { $0["key"] as? String }) == ["snelle-groeiers", "actieve-betrokkenheid", "samenwerking-hoger-onderwijs", "aangetrokken-bedrijven"])

            let fast = try await Self.goal("snelle-groeiers", headers: headers, in: app)
            #expect((fast["baseline"] as? [String: Any])?["value"] as? Double == 20 && (fast["baseline"] as? [String: Any])?["date"] as? String == "2018-12-31")
            #expect(fast["target"] as? Double == 30 && fast["deadline"] as? String == "2025-12-31" && fast["indicator"] as? String == "fast_growers")
            #expect(Self.current(fast) == 1, "only Snel Een grows more than 20 % a year from at least 10 jobs")
            #expect((fast["current"] as? [String: Any])?["as_of"] as? String == "2018")
            #expect(fast["evidence"] as? [String] == ["00000001"])
            // Today is after the deadline: the trajectory is at its target, and 1 of 30 is off track.
            #expect(fast["expected_now"] as? Double == 30 && fast["status"] as? String == "off_track")

            let involvement = try await Self.goal("actieve-betrokkenheid", headers: headers, in: app)
            let rows = try #require(involvement["rows"] as? [[String: Any]])
            #expect(Set(rows.compactMap { $0["cluster"] as? String }) == ["ict-ecommerce", "health", "creatief-maak"], "a row per growth cluster, not logistics")
            #expect(involvement["per_growth_cluster"] as? Bool == true && Self.current(involvement) == 0)

            // The same figure from the catalogue: one source.
            let indicator = try API.object(try await API.call(.GET, "/api/v1/indicators/fast_growers?definition=eu2014", nil, headers: headers, in: app))
            #expect(indicator["value"] as? Double == 2, "EU 2014 (10 % a year) counts Gestaag Twee too")
            let gazelles = try API.object(try await API.call(.GET, "/api/v1/indicators/gazelles", nil, headers: headers, in: app))
            #expect(gazelles["value"] as? Double == 1)
        }
    }

    @Test func aLandedAcquisitionFromOutsideTheRegionInAGrowthClusterCountsAtOnce() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let (headers, _) = try await API.token(.adviser, in: app)
            #expect(Self.current(try await Self.goal("aangetrokken-bedrijven", headers: headers, in: app)) == 0)
            let cases: [(name: String, origin: String, cluster: String, stage: String, counts: Bool)] = [
                ("Van Ver BV", "GM0363", "health", "landed", true),          // Amsterdam, a growth cluster: counts
                ("Logistiek Ver BV", "GM0363", "logistiek", "landed", false), // logistics is no growth cluster
                ("Nog Niet BV", "GM0363", "ict-ecommerce", "proposal", false),
            ]
            var expected = 0.0
            for item in cases {
                let created = try await API.call(.POST, "/api/v1/acquisitions",
                                                 #"{"company_name":"\#(item.name)","origin_municipality":"\#(item.origin)","cluster":"\#(item.cluster)","stage":"\#(item.stage)","decision_on":"2025-01-15"}"#,
                                                 headers: headers, in: app)
                #expect(created.status == .created, "\(created.body.string)")
                if item.counts { expected += 1 }
                let goal = try await Self.goal("aangetrokken-bedrijven", headers: headers, in: app)
                #expect(Self.current(goal) == expected, "after \(item.name)")
            }
            let goal = try await Self.goal("aangetrokken-bedrijven", headers: headers, in: app)
            #expect((goal["evidence"] as? [String])?.count == 1)
        }
    }

    @Test func aFrozenMeasurementDoesNotChangeWithTheData() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let (headers, _) = try await API.token(.adviser, in: app)
            let frozen = try await API.call(.POST, "/api/v1/goals/snapshots", #"{"date":"2025-12-31"}"#, headers: headers, in: app)
            #expect(frozen.status == .created, "\(frozen.body.string)")
            let measurements = try #require(try API.object(frozen)["measurements"] as? [[String: Any]])
            #expect(measurements.count == 4 + 3, "four goals and a row per growth cluster")
            let landedBefore = measurements.first { $0["goal"] as? String == "aangetrokken-bedrijven" }
            #expect(landedBefore?["value"] as? Double == 0 && landedBefore?["status"] as? String == "off_track")
            #expect(measurements.first { $0["goal"] as? String == "snelle-groeiers" }?["as_of"] as? String == "2018")
            #expect((measurements.first?["import_runs"] as? [String])?.first?.hasPrefix("register:") == true)

            // Data changes after the freeze: a landed acquisition and a new register year.
            _ = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Van Ver BV","origin_municipality":"GM0363","cluster":"health","stage":"landed","decision_on":"2025-06-01"}"#,
                                   headers: headers, in: app)
            #expect(Self.current(try await Self.goal("aangetrokken-bedrijven", headers: headers, in: app)) == 1)
            let again = try API.object(try await API.call(.GET, "/api/v1/goals/snapshots/2025-12-31", nil, headers: headers, in: app))
            let landedAfter = (again["measurements"] as? [[String: Any]])?.first { $0["goal"] as? String == "aangetrokken-bedrijven" }
            #expect(landedAfter?["value"] as? Double == 0, "the frozen measurement keeps its value")

            // The same date again, a day in the future, a day before the register: refused, nothing written.
            for (body, message) in [(#"{"date":"2025-12-31"}"#, "al vastgelegd"), (#"{"date":"\#(CalendarDay.today.monthsEarlier(-1).text)"}"#, "in de toekomst"),
                                    (#"{"date":"2001-06-30"}"#, "vóór de eerste gegevens"), (#"{"date":"31-12-2025"}"#, "date")] {
                let refused = try await API.call(.POST, "/api/v1/goals/snapshots", body, headers: headers, in: app)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains(message), "\(body): \(refused.body.string)")
            }
            #expect(try await GoalMeasurement.query(on: app.db).count() == 7)
            let list = try await API.call(.GET, "/api/v1/goals/snapshots", nil, headers: headers, in: app)
            #expect(list.body.string.contains("\"date\":\"2025-12-31\""))

            // The CSV of the reporting date, and the page.
            let session = try await app.session(as: .viewer)
            let csv = try await OrganisationTests.get("/doelen/metingen/2025-12-31?formaat=csv", as: session, in: app)
            #expect(csv.status == .ok && csv.body.string.hasPrefix("peildatum,doel,rij,indicator") && csv.body.string.contains("2025-12-31,aangetrokken-bedrijven,,landed_acquisitions"))
        }
    }

    @Test func badGoalsAreRefusedByFieldAndNothingIsWritten() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let valid = #""key":"banen","title_nl":"Banen","title_en":"Jobs","indicator":"jobs","baseline":{"value":1000,"date":"2020-12-31"},"deadline":"2030-12-31""#
            let cases: [(String, String)] = [
                (#"{\#(valid),"target":900,"direction":"increase"}"#, "target"),
                (#"{"key":"banen","title_nl":"Banen","title_en":"Jobs","indicator":"jobs","baseline":{"value":1000,"date":"2020-12-31"},"deadline":"2019-12-31","target":1100,"direction":"increase"}"#, "deadline"),
                (#"{\#(valid),"target":1100,"direction":"increase","parameters":{"area":"GM9999"}}"#, "parameters"),
                (#"{"key":"c","title_nl":"C","title_en":"C","indicator":"cluster_jobs","parameters":{"cluster":"ruimtevaart"},"baseline":{"value":1,"date":"2020-12-31"},"deadline":"2030-12-31","target":2,"direction":"increase"}"#, "ruimtevaart"),
                (#"{\#(valid),"target":1100,"direction":"sideways"}"#, "direction"),
                (#"{\#(valid),"target":"veel","direction":"increase"}"#, "target"),
                (#"{\#(valid),"target":1100,"direction":"increase","per_growth_cluster":true}"#, "per_growth_cluster"),
                (#"{\#(valid.replacingOccurrences(of: "\"banen\"", with: "\"snelle-groeiers\"")),"target":1100,"direction":"increase"}"#, "heeft al een ander doel"),
            ]
            for (body, field) in cases {
                let refused = try await API.call(.POST, "/api/v1/goals", body, headers: headers, in: app)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains(field), "\(body): \(refused.body.string)")
            }
            #expect(try await Goal.query(on: app.db).count() == 4)
            let created = try await API.call(.POST, "/api/v1/goals", #"{\#(valid),"target":1100,"direction":"increase"}"#, headers: headers, in: app)
            #expect(created.status == .created, "\(created.body.string)")

            // A change is audited with the old and the new value; an account manager may not change goals.
            let changed = try await API.call(.PATCH, "/api/v1/goals/snelle-groeiers", #"{"target":35}"#, headers: headers, in: app)
            let target = try API.object(changed)["target"] as? Double
            #expect(changed.status == .ok && target == 35, "\(changed.body.string)")
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "goal").filter(\.$action == .update).first())
            #expect(event.changes.contains(#""target":{"new":"35","old":"30"}"#), "\(event.changes)")
            let (managerHeaders, _) = try await API.token(.accountmanager, in: app)
            #expect(try await API.call(.PATCH, "/api/v1/goals/snelle-groeiers", #"{"target":40}"#, headers: managerHeaders, in: app).status == .forbidden)
        }
    }

    @Test func thePagesShowGoalsStatusAndRules() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let viewer = try await app.session(as: .viewer)
            let index = try await OrganisationTests.get("/doelen", as: viewer, in: app)
            #expect(index.status == .ok && index.body.string.contains("Snelle groeiers van 20 naar 30") && index.body.string.contains("uit koers"))
            #expect(!index.body.string.contains(">Vastleggen<"), "a viewer cannot freeze")
            let page = try await OrganisationTests.get("/doelen/actieve-betrokkenheid", as: viewer, in: app).body.string
            #expect(page.contains("<svg") && page.contains("Actief betrokken: een organisatie") && page.contains("Health") && page.contains("In gevaar: achter op het traject"))
            let home = try await OrganisationTests.get("/", as: viewer, in: app).body.string
            #expect(home.contains("Doelen van de strategie") && home.contains("/doelen/snelle-groeiers"))

            // An adviser changes a goal through the form; a wrong target shows the form again with the reason.
            let adviser = try await app.session(as: .adviser)
            var fields = ["key": "snelle-groeiers", "title_nl": "Snelle groeiers", "title_en": "Fast growers", "indicator": "fast_growers", "parameters": "definition=eu2014",
                          "baseline_value": "20", "baseline_date": "2018-12-31", "target": "10", "deadline": "2025-12-31", "direction": "increase"]
            let refused = try await OrganisationTests.post("/doelen/snelle-groeiers", fields, as: adviser, in: app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("een doel om te verhogen heeft een streefwaarde boven de beginwaarde (20)"))
            fields["target"] = "32,5"
            let saved = try await OrganisationTests.post("/doelen/snelle-groeiers", fields, as: adviser, in: app)
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.body.string)")
            let goal = try await GoalService.find(key: "snelle-groeiers", on: app.db)
            #expect(goal.target == 32.5 && goal.parameters == "definition=eu2014")
            let frozen = try await OrganisationTests.post("/doelen/metingen", ["date": "2030-01-01"], as: adviser, in: app)
            #expect(frozen.status == .unprocessableEntity && frozen.body.string.contains("in de toekomst"))
            #expect(try await OrganisationTests.post("/doelen/metingen", ["date": "2025-12-31"], as: viewer, in: app).status == .forbidden)
            // Deleting needs the form's CSRF token.
            var forged: TestingHTTPResponse?
            try await app.testing().test(.POST, "/doelen/snelle-groeiers/verwijderen", headers: adviser.headers, afterResponse: { forged = $0 })
            let afterForgery = try await Goal.query(on: app.db).count()
            #expect(forged?.status == .forbidden && afterForgery == 4)
            let deleted = try await OrganisationTests.post("/doelen/snelle-groeiers/verwijderen", [:], as: adviser, in: app)
            let afterDelete = try await Goal.query(on: app.db).count()
            #expect(deleted.status == .seeOther && afterDelete == 3)
        }
    }
}
