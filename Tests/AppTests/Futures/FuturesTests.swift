@testable import App
import Analysis
import Fluent
import Foundation
import Testing
import VaporTesting

/// Futures (issue 17): scenarios and options, the robustness test with six metrics, and
/// signposts that raise an alert when the data reaches their trigger.
@Suite struct FuturesTests {
    typealias API = RelationsAPITests
    typealias Web = OrganisationTests

    static let scenarios = ["on-the-go", "circulair", "digital-delta", "greentech"]

    /// Scores for one assessor through the API: `scores[option] = [per scenario]`.
    static func score(_ scores: [String: [Int]], assessor: UUID? = nil, headers: HTTPHeaders, in app: Application) async throws -> TestingHTTPResponse {
        let cells = scores.flatMap { option, values in
            zip(Self.scenarios, values).map { #"{"option":"\#(option)","scenario":"\#($0)","score":\#($1),"rationale":"omdat"}"# }
        }.joined(separator: ",")
        let who = assessor.map { #""assessor_user":"\#($0.uuidString)","# } ?? ""
        return try await API.call(.PUT, "/api/v1/futures/scores", #"{\#(who)"scores":[\#(cells)]}"#, headers: headers, in: app)
    }

    /// The metrics written out here, independently of `Analysis`: per option (maximin, maximax,
    /// Laplace, Hurwicz at `optimism`, the largest regret, the share of scenarios at or above `threshold`).
    static func metrics(_ rows: [[Double]], optimism: Double, threshold: Double) -> [String: [Double]] {
        let best = rows[0].indices.map { s in rows.map { $0[s] }.max()! }
        return [
            "maximin": rows.map { $0.min()! }, "maximax": rows.map { $0.max()! },
            "laplace": rows.map { $0.reduce(0, +) / Double($0.count) },
            "hurwicz": rows.map { optimism * $0.max()! + (1 - optimism) * $0.min()! },
            "minimax_regret": rows.map { row in zip(best, row).map { $0 - $1 }.max()! },
            "satisficing": rows.map { row in Double(row.filter { $0 >= threshold }.count) / Double(row.count) },
        ]
    }

    @Test func theMatrixGivesEachMetricAndTheConclusionFollowsTheScores() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let other = try await app.session(as: .adviser).user.requireID()
            // Two assessors; the medians of two are their means.
            let first: [String: [Int]] = ["huidige-voet": [6, 4, 5, 3], "stedelijke-economie": [6, 7, 7, 6], "industriele-kracht": [8, 3, 6, 2]]
            let second: [String: [Int]] = ["huidige-voet": [6, 4, 5, 3], "stedelijke-economie": [6, 7, 7, 6], "industriele-kracht": [8, 3, 4, 2]]
            #expect(try await Self.score(first, headers: headers, in: app).status == .ok)
            #expect(try await Self.score(second, assessor: other, headers: headers, in: app).status == .ok)
            let options = ["huidige-voet", "stedelijke-economie", "industriele-kracht"]
            let medians: [[Double]] = options.map { option in zip(first[option]!, second[option]!).map { Double($0 + $1) / 2 } }

            let robustness = try API.object(try await API.call(.GET, "/api/v1/futures/robustness", headers: headers, in: app))
            let expected = Self.metrics(medians, optimism: 0.5, threshold: 6)
            let metrics = try #require(robustness["metrics"] as? [[String: Any]])
            #expect(metrics.count == 6)
            for metric in metrics {
                let name = metric["metric"] as! String, values = metric["values"] as! [String: Double]
                for (o, option) in options.enumerated() {
                    #expect(abs(values[option]! - expected[name]![o]) < 1e-9, "\(name) of \(option)")
                }
                let lowerIsBetter = name == "minimax_regret"
                let best = lowerIsBetter ? expected[name]!.min()! : expected[name]!.max()!
                #expect(Set(metric["preferred"] as! [String]) == Set(options.indices.filter { abs(expected[name]![$0] - best) < 1e-12 }.map { options[$0] }), "\(name)")
            }
            let summary = try #require(robustness["summary"] as? [String: Any])
            #expect(summary["most_robust"] as? [String] == ["stedelijke-economie"])
            #expect((summary["preferred_by"] as? [String: [String]])?["industriele-kracht"] == ["maximax"])
            let cell = (robustness["matrix"] as! [[String: Any]]).first { $0["option"] as? String == "industriele-kracht" && $0["scenario"] as? String == "digital-delta" }!
            #expect(cell["median"] as? Double == 5 && cell["lowest"] as? Int == 4 && cell["highest"] as? Int == 6 && cell["assessors"] as? Int == 2)

            // The page says so, with every metric explained.
            let page = try await Web.get("/toekomst", as: try await app.session(as: .viewer), in: app)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Focus op versterken stedelijke economie is het meest robuust: 5 van de 6 maatstaven"))
            #expect(page.body.string.contains("De score in het slechtste scenario"))

            // Industrial strength scored higher everywhere by both: the conclusion follows.
            let boom: [String: [Int]] = ["industriele-kracht": [9, 8, 9, 8]]
            _ = try await Self.score(boom, headers: headers, in: app)
            _ = try await Self.score(boom, assessor: other, headers: headers, in: app)
            let after = try API.object(try await API.call(.GET, "/api/v1/futures/robustness", headers: headers, in: app))
            #expect((after["summary"] as? [String: Any])?["most_robust"] as? [String] == ["industriele-kracht"])

            // A trial optimism weight changes Hurwicz only, and is not saved.
            let optimistic = try API.object(try await API.call(.GET, "/api/v1/futures/robustness?optimism=1", headers: headers, in: app))
            let hurwicz = (optimistic["metrics"] as! [[String: Any]]).first { $0["metric"] as? String == "hurwicz" }!
            #expect((hurwicz["values"] as! [String: Double])["stedelijke-economie"] == 7)
            #expect(try await FuturesSettings.current(on: app.db) == .standard)
        }
    }

    @Test func theMetricsMatchTheRobustnessOracle() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../AnalysisTests/Resources/oracles/04_robustness_metrics.json").standardized
        let oracle = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let policies = oracle["policies"] as! [String], scenarios = oracle["scenarios"] as! [String]
        let scores = (oracle["scores_maximise"] as! [[Double]])
        let item = { (name: String) in RobustnessMatrix.Item(id: UUID(), key: name, name: name) }
        let options = policies.map(item), states = scenarios.map(item)
        var list: [RobustnessMatrix.Score] = []
        for (o, option) in options.enumerated() {
            for (s, scenario) in states.enumerated() {
                list.append(.init(option: option.id, scenario: scenario.id, score: Int(scores[o][s]), rationale: "", assessorKey: "erased", assessorName: "", scoredOn: ""))
            }
        }
        let metrics = oracle["metrics"] as! [String: [String: Any]]
        for (optimism, threshold, names) in [(0.5, 5.0, ["maximin": "maximin", "maximax": "maximax", "laplace": "laplace_mean", "hurwicz": "hurwicz_optimism0.5",
                                                          "minimax_regret": "minimax_regret", "satisficing": "starr_domain_ge5"]),
                                             (0.25, 5.0, ["hurwicz": "hurwicz_optimism0.25"])] {
            let matrix = RobustnessMatrix(options: options, scenarios: states, scores: list, settings: FuturesSettings(optimism: optimism, threshold: threshold))
            for result in matrix.metrics() {
                guard let name = names[result.metric.rawValue], let reference = metrics[name] else { continue }
                let values = reference["values"] as! [String: Double], ranking = reference["ranking_best_first"] as! [String]
                for (o, policy) in policies.enumerated() { #expect(abs(result.values[o] - values[policy]!) < 1e-9, "\(name) \(policy)") }
                #expect(policies.indices.sorted { result.ranks[$0] < result.ranks[$1] }.map { policies[$0] } == ranking, "\(name)")
            }
        }
    }

    @Test func badScoresAndSettingsAreRefusedByFieldAndNothingIsWritten() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let bad: [(String, String)] = [
                (#"{"scores":[{"option":"huidige-voet","scenario":"circulair","score":11,"rationale":"x"}]}"#, "scores[0].score"),
                (#"{"scores":[{"option":"huidige-voet","scenario":"circulair","score":0,"rationale":"x"}]}"#, "scores[0].score"),
                (#"{"scores":[{"option":"huidige-voet","scenario":"circulair","score":"veel","rationale":"x"}]}"#, "scores[0].score"),
                (#"{"scores":[{"option":"onbekend","scenario":"circulair","score":5,"rationale":"x"}]}"#, "scores[0].option"),
                (#"{"scores":[{"option":"huidige-voet","scenario":"mars","score":5,"rationale":"x"}]}"#, "scores[0].scenario"),
                (#"{"scores":[{"option":"huidige-voet","scenario":"circulair","score":5}]}"#, "scores[0].rationale"),
                (#"{"scores":[{"option":"huidige-voet","scenario":"circulair","score":5,"rationale":"x"},{"option":"huidige-voet","scenario":"circulair","score":6,"rationale":"y"}]}"#, "scores[1].option"),
                (#"{"scores":[]}"#, "scores"),
                (#"{"assessor_person":"\#(UUID().uuidString)","scores":[{"option":"huidige-voet","scenario":"circulair","score":5,"rationale":"x"}]}"#, "assessor_person"),
            ]
            for (body, field) in bad {
                let response = try await API.call(.PUT, "/api/v1/futures/scores", body, headers: headers, in: app)
                #expect(response.status == .unprocessableEntity || response.status == .badRequest, "\(body)")
                #expect(response.body.string.contains(field), "\(body): \(response.body.string)")
            }
            #expect(try await RobustnessScore.query(on: app.db).count() == 0)
            for (query, field) in [("optimism=1.5", "optimism"), ("optimism=-0.1", "optimism"), ("optimism=abc", "optimism"), ("threshold=11", "threshold"), ("threshold=1e308", "threshold")] {
                let response = try await API.call(.GET, "/api/v1/futures/robustness?\(query)", headers: headers, in: app)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.body.string.contains(field), "\(query)")
            }
            let refused = try await API.call(.PUT, "/api/v1/futures/settings", #"{"optimism":2}"#, headers: headers, in: app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("optimism"))
            #expect(try await FuturesSettings.current(on: app.db) == .standard)
            // The settings form names the field too.
            let session = try await app.session(as: .adviser)
            let form = try await Web.post("/toekomst/instellingen", ["optimism": "7", "threshold": "6"], as: session, in: app)
            #expect(form.status == .unprocessableEntity && form.body.string.contains("de optimisme-weging ligt tussen 0 en 1"))
            #expect(try await FuturesSettings.current(on: app.db) == .standard)
        }
    }

    /// A register of three years in which section J (ICT) grows: 100, 110, 120 jobs.
    static func register(_ jobs: [(year: Int, jobs: Int)]) -> String {
        ([ImportTests.header] + jobs.map { "000000000001,00000001,ICT Bedrijf,62.01,8011AB,GM0193,\($0.year),\($0.jobs),0,2000" }).joined(separator: "\n")
    }

    static func importRegister(_ text: String, in app: Application) async throws {
        _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(text))
    }

    @Test func aSignpostRaisesOneAlertWhenAnImportCrossesItsTrigger() async throws {
        try await withTestApp { app in
            try await Self.importRegister(Self.register([(2020, 100), (2021, 110), (2022, 120)]), in: app)
            let (headers, _) = try await API.token(.adviser, in: app)
            let created = try await API.call(.POST, "/api/v1/signposts", """
                {"name":"ICT groeit","indicator":"section_jobs","parameters":{"section":"J"},"scenario":"digital-delta","direction":"rising","trigger":150,"warning":130}
                """, headers: headers, in: app)
            #expect(created.status == .created, "\(created.body.string)")
            let signpost = try API.object(created)
            // 10 jobs a year from 120: 150 is three years out, beyond the two-year horizon.
            #expect(signpost["status"] as? String == "quiet")
            #expect(signpost["scenario"] as? String == "digital-delta" && signpost["option"] is NSNull)
            #expect((signpost["current"] as? [String: Any])?["value"] as? Double == 120)
            #expect(signpost["projected_crossing"] as? String == "2025-01-01")
            #expect(abs((signpost["slope"] as? Double ?? 0) - 10) < 1e-9)

            // A new register year at 130 reaches the early warning; at 150 the trigger (exactly).
            try await Self.importRegister(Self.register([(2023, 130)]), in: app)
            var outcome = try await SignpostWatch.run(application: app, database: app.db, actor: .commandLine)
            #expect(outcome.raised.isEmpty)
            #expect(try await Signpost.query(on: app.db).first()?.status == .watch)
            try await Self.importRegister(Self.register([(2024, 150)]), in: app)
            outcome = try await SignpostWatch.run(application: app, database: app.db, actor: .commandLine)
            #expect(outcome.raised.count == 1)
            #expect(outcome.raised.first?.message.contains("150") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "signpost_alert").count() == 1)
            // A triggered signpost can still be renamed or annotated (only a new trigger is checked).
            let id = signpost["id"] as! String
            let renamed = try await API.call(.PATCH, "/api/v1/signposts/\(id)", #"{"notes":"Bijgehouden"}"#, headers: headers, in: app)
            #expect(renamed.status == .ok, "\(renamed.body.string)")
            #expect(try await SignpostAlert.query(on: app.db).count() == 1, "no second alert while the first is open")

            // On Stand van Zwolle until acknowledged; a second reading raises nothing new.
            let session = try await app.session(as: .adviser)
            #expect(try await Web.get("/", as: session, in: app).body.string.contains("ICT groeit: 150 (2024)"))
            #expect(try await SignpostWatch.run(application: app, database: app.db, actor: .commandLine).raised.isEmpty)
            let alerts = try API.object(try await API.call(.GET, "/api/v1/alerts?open=true", headers: headers, in: app))["data"] as! [[String: Any]]
            #expect(alerts.count == 1)
            let acknowledged = try await API.call(.POST, "/api/v1/alerts/\(alerts[0]["id"] as! String)/acknowledge", headers: headers, in: app)
            #expect(acknowledged.status == .ok)
            #expect(!(try await Web.get("/", as: session, in: app).body.string.contains("ICT groeit: 150")))

            // Moving away again (a correction to 140) is no trigger, and no new alert.
            try await Self.importRegister(Self.register([(2024, 140)]), in: app)
            outcome = try await SignpostWatch.run(application: app, database: app.db, actor: .commandLine)
            #expect(outcome.raised.isEmpty)
            #expect(try await Signpost.query(on: app.db).first()?.status != .triggered)
        }
    }

    @Test func aChangeThroughTheAPIToDataASignpostReadsIsWatchedAtOnce() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            for (date, value) in [("2024-06-30", "10"), ("2025-06-30", "20")] {
                let response = try await API.call(.POST, "/api/v1/manual-values", #"{"series":"enquete","name":"Tevreden ondernemers","unit":"%","date":"\#(date)","value":\#(value),"source":"enquête"}"#,
                                                  headers: headers, in: app)
                #expect(response.status == .created, "\(response.body.string)")
            }
            let created = try await API.call(.POST, "/api/v1/signposts",
                                             #"{"name":"Tevredenheid","indicator":"manual","parameters":"series=enquete","option":"stedelijke-economie","direction":"rising","trigger":30}"#,
                                             headers: headers, in: app)
            #expect(created.status == .created, "\(created.body.string)")
            // 10 points a year from 20: the trigger a year out, within the horizon.
            #expect(try API.object(created)["status"] as? String == "watch")
            _ = try await API.call(.POST, "/api/v1/manual-values", #"{"series":"enquete","name":"Tevreden ondernemers","unit":"%","date":"2026-06-30","value":30,"source":"enquête"}"#,
                                   headers: headers, in: app)
            let after = try await API.call(.GET, "/api/v1/signposts/\(try API.object(created)["id"] as! String)", headers: headers, in: app)
            #expect(try API.object(after)["status"] as? String == "triggered")
            #expect(try await SignpostAlert.query(on: app.db).count() == 1)
        }
    }

    @Test func badSignpostsAreRefusedByFieldAndNothingIsWritten() async throws {
        try await withTestApp { app in
            try await Self.importRegister(Self.register([(2020, 100), (2021, 110), (2022, 120)]), in: app)
            let (headers, _) = try await API.token(.adviser, in: app)
            let good = #""name":"ICT","scenario":"digital-delta","direction":"rising""#
            let bad: [(String, String)] = [
                (#"{\#(good),"indicator":"geluk","trigger":150}"#, "indicator"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=J","trigger":100}"#, "trigger"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=J","trigger":120}"#, "trigger"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=J","trigger":150,"warning":160}"#, "warning"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=J;year=2021","trigger":150}"#, "parameters"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=Z","trigger":150}"#, "parameters"),
                (#"{"name":"ICT","direction":"rising","indicator":"section_jobs","parameters":"section=J","trigger":150}"#, "scenario"),
                (#"{"name":"ICT","scenario":"mars","direction":"rising","indicator":"section_jobs","parameters":"section=J","trigger":150}"#, "scenario"),
                (#"{"name":"ICT","scenario":"digital-delta","option":"huidige-voet","direction":"rising","indicator":"section_jobs","parameters":"section=J","trigger":150}"#, "scenario"),
                (#"{"name":"ICT","scenario":"digital-delta","direction":"sideways","indicator":"section_jobs","parameters":"section=J","trigger":150}"#, "direction"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=J","trigger":"veel"}"#, "trigger"),
                (#"{\#(good),"indicator":"section_jobs","parameters":"section=J","trigger":1e300}"#, "trigger"),
            ]
            for (body, field) in bad {
                let response = try await API.call(.POST, "/api/v1/signposts", body, headers: headers, in: app)
                #expect(response.status == .unprocessableEntity, "\(body): \(response.status)")
                #expect(response.body.string.contains(field), "\(body): \(response.body.string)")
            }
            #expect(try await Signpost.query(on: app.db).count() == 0)
            // A falling signpost with its trigger below the current value is fine.
            let falling = try await API.call(.POST, "/api/v1/signposts", #"{"name":"ICT krimpt","scenario":"circulair","direction":"falling","indicator":"section_jobs","parameters":"section=J","trigger":100}"#,
                                             headers: headers, in: app)
            #expect(falling.status == .created, "\(falling.body.string)")
        }
    }

    @Test func scenariosAndOptionsAreManagedAndAPersonsScoresFollowTheAVG() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let list = try API.object(try await API.call(.GET, "/api/v1/scenarios", headers: headers, in: app))["data"] as! [[String: Any]]
            #expect(list.map { $0["key"] as! String } == Self.scenarios)
            let created = try await API.call(.POST, "/api/v1/options", #"{"name":"Alles op één kaart","description":"Alleen logistiek.","assumptions":["één sector","veel ruimte"]}"#,
                                             headers: headers, in: app)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try API.object(created)["key"] as? String == "alles-op-een-kaart")
            #expect(try API.object(created)["assumptions"] as? [String] == ["één sector", "veel ruimte"])
            let duplicate = try await API.call(.POST, "/api/v1/options", #"{"name":"Alles op één kaart","description":"Nog een keer."}"#, headers: headers, in: app)
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.string.contains("key"))
            let noSigns = try await API.call(.POST, "/api/v1/options", #"{"name":"X","description":"Y","signs":"Z"}"#, headers: headers, in: app)
            #expect(noSigns.status == .unprocessableEntity && noSigns.body.string.contains("signs"))

            // A person of the register scores; erasing them keeps the score, by an erased assessor.
            let person = try API.object(try await API.call(.POST, "/api/v1/people", #"{"name":"Jan Aanjager"}"#, headers: headers, in: app))["id"] as! String
            let scored = try await API.call(.PUT, "/api/v1/futures/scores", #"{"assessor_person":"\#(person)","scores":[{"option":"huidige-voet","scenario":"circulair","score":4,"rationale":"Jan Aanjager vindt het te weinig"}]}"#,
                                            headers: headers, in: app)
            #expect(scored.status == .ok, "\(scored.body.string)")
            let (admin, _) = try await API.token(.admin, in: app)
            let export = try await API.call(.GET, "/api/v1/people/\(person)/personal-data", headers: admin, in: app)
            #expect(export.status == .ok && export.body.string.contains("Jan Aanjager vindt het te weinig"))
            #expect(try await API.call(.POST, "/api/v1/people/\(person)/erase", headers: admin, in: app).status.code < 300)
            let score = try #require(try await RobustnessScore.query(on: app.db).first())
            #expect(score.$assessorPerson.id == nil && score.score == 4)
            #expect(!score.rationale.contains("Jan Aanjager"))
        }
    }
}
