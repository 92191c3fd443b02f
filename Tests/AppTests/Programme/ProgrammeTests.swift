@testable import App
import Fluent
import Foundation
import Testing
import VaporTesting

/// The execution programme (issue 16): projects scored on the five criteria, ranked by the
/// weighted sum and TOPSIS, the weights' sensitivity, the programme for a budget, and the driver
/// team's meetings with decisions and actions.
@Suite struct ProgrammeTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    /// Creates a project through the API with each assessor's scores (`scores[assessor][criterion]`,
    /// in `Criterion.allCases` order) and returns its id.
    static func project(_ name: String, scores: [(assessor: UUID, values: [Int])], municipal: Double? = nil, phase: String = "assessment",
                        extra: String = "", headers: HTTPHeaders, in app: Application) async throws -> String {
        let list = scores.flatMap { assessor, values in
            zip(Criterion.allCases, values).map { criterion, score in
                #"{"criterion":"\#(criterion.rawValue)","score":\#(score),"rationale":"omdat","assessor_user":"\#(assessor.uuidString)"}"#
            }
        }.joined(separator: ",")
        let budget = municipal.map { #","budget_total":\#($0 * 2),"budget_municipal":\#($0)"# } ?? ""
        let response = try await API.call(.POST, "/api/v1/projects", #"{"name":"\#(name)","phase":"\#(phase)"\#(budget)\#(extra),"scores":[\#(list)]}"#,
                                          headers: headers, in: app)
        #expect(response.status == .created, "\(name): \(response.body.string)")
        return try API.object(response)["id"] as! String
    }

    /// Three advisers to score with.
    static func assessors(in app: Application) async throws -> [UUID] {
        var result: [UUID] = []
        for _ in 0..<3 { result.append(try await app.session(as: .adviser).user.requireID()) }
        return result
    }

    static func rows(_ response: TestingHTTPResponse) throws -> [[String: Any]] {
        try #require(try API.object(response)["projects"] as? [[String: Any]])
    }

    /// The weighted sum with min-max normalisation, written out here independently of `Analysis`.
    static func weightedSums(_ medians: [[Double]], weights: [Double]) -> [Double] {
        let columns = weights.indices.map { k in medians.map { $0[k] } }
        return medians.map { row in
            weights.indices.reduce(0.0) { total, k in
                let (low, high) = (columns[k].min()!, columns[k].max()!)
                return total + weights[k] * (high == low ? 1 : (row[k] - low) / (high - low))
            }
        }
    }

    @Test func theRankingIsTheMedianOfTheAssessorsWeightedAndChangesWithAScoreAndTheWeights() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let people = try await Self.assessors(in: app)
            // Medians: Alpha (4,3,4,2,5), Beta (3,5,2,4,3), Gamma (5,2,3,3,2).
            _ = try await Self.project("Alpha", scores: [(people[0], [4, 3, 4, 2, 5]), (people[1], [5, 3, 4, 1, 5]), (people[2], [2, 4, 4, 2, 4])], headers: headers, in: app)
            let beta = try await Self.project("Beta", scores: [(people[0], [3, 5, 2, 4, 3]), (people[1], [3, 5, 1, 4, 3]), (people[2], [4, 4, 2, 5, 3])], headers: headers, in: app)
            _ = try await Self.project("Gamma", scores: [(people[0], [5, 2, 3, 3, 2]), (people[1], [5, 2, 3, 3, 2]), (people[2], [5, 2, 3, 3, 2])], headers: headers, in: app)
            let medians: [String: [Double]] = ["Alpha": [4, 3, 4, 2, 5], "Beta": [3, 5, 2, 4, 3], "Gamma": [5, 2, 3, 3, 2]]
            let names = ["Alpha", "Beta", "Gamma"]

            let equal = Self.weightedSums(names.map { medians[$0]! }, weights: Array(repeating: 0.2, count: 5))
            let ranking = try Self.rows(try await API.call(.GET, "/api/v1/programme/ranking?method=wsm", headers: headers, in: app))
            for row in ranking {
                let index = names.firstIndex(of: row["name"] as! String)!
                #expect(abs((row["score"] as! Double) - equal[index]) < 1e-9, "\(names[index])")
                #expect(row["rank"] as? Int == 1 + equal.filter { $0 > equal[index] + 1e-12 }.count)
                let criteria = try #require(row["criteria"] as? [String: [String: Double]])
                #expect(criteria["impact"]?["median"] == medians[names[index]]![0])
            }
            #expect(ranking.first?["name"] as? String == "Alpha")

            // Weighing impact alone puts Gamma (impact 5) on top.
            let impact = try Self.rows(try await API.call(.GET, "/api/v1/programme/ranking?weights=impact:1", headers: headers, in: app))
            #expect(impact.first?["name"] as? String == "Gamma")
            #expect(impact.first?["score"] as? Double == 1)

            // A new score moves Beta: the third assessor now gives samenwerking a 5 (median 3 -> 3) and impact 5 (median 3 -> 4)...
            let changed = try await API.call(.PATCH, "/api/v1/projects/\(beta)", """
                {"scores":[\(zip(people, [[3, 5, 2, 4, 3], [5, 5, 1, 4, 5], [5, 4, 2, 5, 5]]).flatMap { person, values in
                    zip(Criterion.allCases, values).map { #"{"criterion":"\#($0.rawValue)","score":\#($1),"rationale":"herzien","assessor_user":"\#(person.uuidString)"}"# } }.joined(separator: ","))]}
                """, headers: headers, in: app)
            #expect(changed.status == .ok, "\(changed.body.string)")
            let after = try Self.rows(try await API.call(.GET, "/api/v1/programme/ranking", headers: headers, in: app))
            let expected = Self.weightedSums([medians["Alpha"]!, [5, 5, 2, 4, 5], medians["Gamma"]!], weights: Array(repeating: 0.2, count: 5))
            #expect(after.first?["name"] as? String == names[expected.indices.max { expected[$0] < expected[$1] }!])
            #expect(after.first?["name"] as? String == "Beta")
        }
    }

    /// TOPSIS in its classic form (vector normalisation), written out here independently.
    @Test func topsisScoresAreTheClosenessToTheIdeal() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let people = try await Self.assessors(in: app)
            let matrix: [[Double]] = [[4, 3, 4, 2, 5], [3, 5, 2, 4, 3], [5, 2, 3, 3, 2]]
            for (index, values) in matrix.enumerated() {
                _ = try await Self.project("P\(index)", scores: people.map { ($0, values.map(Int.init)) }, headers: headers, in: app)
            }
            let weights = [0.4, 0.1, 0.2, 0.1, 0.2]
            let norms = (0..<5).map { k in matrix.map { $0[k] * $0[k] }.reduce(0, +).squareRoot() }
            let weighted = matrix.map { row in (0..<5).map { weights[$0] * row[$0] / norms[$0] } }
            let best = (0..<5).map { k in weighted.map { $0[k] }.max()! }, worst = (0..<5).map { k in weighted.map { $0[k] }.min()! }
            let closeness = weighted.map { row -> Double in
                let plus = (0..<5).map { (row[$0] - best[$0]) * (row[$0] - best[$0]) }.reduce(0, +).squareRoot()
                let minus = (0..<5).map { (row[$0] - worst[$0]) * (row[$0] - worst[$0]) }.reduce(0, +).squareRoot()
                return minus / (plus + minus)
            }
            let rows = try Self.rows(try await API.call(.GET, "/api/v1/programme/ranking?method=topsis&weights=impact:0.4,vliegwiel:0.1,businesscase:0.2,eigenaarschap:0.1,samenwerking:0.2",
                                                        headers: headers, in: app))
            #expect(rows.count == 3)
            for row in rows {
                let index = Int((row["name"] as! String).dropFirst())!
                #expect(abs((row["score"] as! Double) - closeness[index]) < 1e-9)
            }
        }
    }

    /// Two projects, each strong where the other is weak: with equal weights B wins (0.8 against
    /// 0.2); raising the weight of impact (A's only strength) past 0.5 hands A the top, since then
    /// t > (1 - t). Lowering it never does.
    @Test func theSensitivityGivesTheWeightAtWhichTheTopChanges() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let people = try await Self.assessors(in: app)
            _ = try await Self.project("A", scores: people.map { ($0, [5, 1, 1, 1, 1]) }, headers: headers, in: app)
            _ = try await Self.project("B", scores: people.map { ($0, [1, 5, 5, 5, 5]) }, headers: headers, in: app)
            let sensitivity = try API.object(try await API.call(.GET, "/api/v1/programme/sensitivity?method=wsm", headers: headers, in: app))
            #expect((sensitivity["top"] as? [String: Any])?["name"] as? String == "B")
            let criteria = try #require(sensitivity["criteria"] as? [[String: Any]])
            let impact = try #require(criteria.first { $0["criterion"] as? String == "impact" })
            let increase = try #require(impact["increase"] as? [String: Any])
            #expect(abs((increase["threshold_weight"] as! Double) - 0.5) < 1e-6)
            #expect(abs((increase["delta"] as! Double) - 0.3) < 1e-6)
            #expect((increase["new_top"] as? [String: Any])?["name"] as? String == "A")
            #expect(impact["decrease"] is NSNull)
            let vliegwiel = try #require(criteria.first { $0["criterion"] as? String == "vliegwiel" })
            #expect(vliegwiel["increase"] is NSNull && vliegwiel["decrease"] is NSNull)
        }
    }

    /// The selection is the best set of a brute-force search over every subset; a running project
    /// and one marked "must include" are always in.
    @Test func theSelectionForABudgetIsTheBestSetAndKeepsRunningAndRequiredProjects() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let people = try await Self.assessors(in: app)
            let plans: [(String, [Int], Double, String, String)] = [
                ("Een", [5, 5, 4, 4, 5], 600_000, "assessment", ""), ("Twee", [4, 4, 4, 4, 4], 300_000, "idea", ""),
                ("Drie", [4, 3, 4, 3, 4], 300_000, "decision", ""), ("Vier", [2, 2, 3, 2, 2], 100_000, "running", ""),
                ("Vijf", [1, 2, 1, 2, 1], 150_000, "idea", #","must_include":true"#), ("Zes", [3, 4, 3, 4, 3], 250_000, "assessment", ""),
            ]
            for (name, values, cost, phase, extra) in plans {
                _ = try await Self.project(name, scores: people.map { ($0, values) }, municipal: cost, phase: phase, extra: extra, headers: headers, in: app)
            }
            let budget = 1_000_000.0
            let ranking = try Self.rows(try await API.call(.GET, "/api/v1/programme/ranking", headers: headers, in: app))
            let score = Dictionary(uniqueKeysWithValues: ranking.map { ($0["name"] as! String, $0["score"] as! Double) })
            let cost = Dictionary(uniqueKeysWithValues: plans.map { ($0.0, $0.2) })
            var best = -1.0
            for mask in 0..<(1 << plans.count) {
                let set = plans.indices.filter { mask & (1 << $0) != 0 }.map { plans[$0].0 }
                guard set.contains("Vier"), set.contains("Vijf"), set.map({ cost[$0]! }).reduce(0, +) <= budget else { continue }
                best = max(best, set.map { score[$0]! }.reduce(0, +))
            }
            let response = try await API.call(.GET, "/api/v1/programme/selection?budget=\(Int(budget))", headers: headers, in: app)
            #expect(response.status == .ok, "\(response.body.string)")
            let selection = try API.object(response)
            #expect(abs((selection["total_score"] as! Double) - best) < 1e-9)
            let chosen = try #require(selection["projects"] as? [[String: Any]]).map { $0["name"] as! String }
            #expect(chosen.contains("Vier") && chosen.contains("Vijf"))
            #expect((selection["total_cost"] as! Double) <= budget)
            #expect(!(try #require(selection["missed"] as? [[String: Any]])).isEmpty)

            for bad in ["-1", "veel", "1e99"] {
                let refused = try await API.call(.GET, "/api/v1/programme/selection?budget=\(bad)", headers: headers, in: app)
                #expect(refused.status == .badRequest, "budget=\(bad)")
                #expect(refused.body.string.contains("budget"))
            }
            // The running and required projects alone (€ 250.000) do not fit € 200.000.
            let tooSmall = try await API.call(.GET, "/api/v1/programme/selection?budget=200000", headers: headers, in: app)
            #expect(tooSmall.status == .badRequest)
        }
    }

    @Test func badInputIsRefusedWithTheFieldAndNothingIsWritten() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let user = try await app.session(as: .adviser).user.requireID()
            let cases: [(String, String)] = [
                (#"{"name":"X","scores":[{"criterion":"impact","score":7,"rationale":"r","assessor_user":"\#(user)"}]}"#, "scores[0].score"),
                (#"{"name":"X","scores":[{"criterion":"geluk","score":3,"rationale":"r","assessor_user":"\#(user)"}]}"#, "scores[0].criterion"),
                (#"{"name":"X","scores":[{"criterion":"impact","score":3,"assessor_user":"\#(user)"}]}"#, "scores[0].rationale"),
                (#"{"name":"X","ends_on":"2026-06-30","milestones":[{"what":"Oplevering","due_on":"2026-12-01"}]}"#, "milestones[0].due_on"),
                (#"{"name":"X","budget_total":100,"budget_municipal":200}"#, "budget_municipal"),
                (#"{"name":"X","budget_total":-5}"#, "budget_total"),
                (#"{"name":"X","phase":"dreaming"}"#, "phase"),
                (#"{"name":""}"#, "name"),
            ]
            for (json, field) in cases {
                let response = try await API.call(.POST, "/api/v1/projects", json, headers: headers, in: app)
                #expect(response.status == .unprocessableEntity, "\(field): \(response.status)")
                #expect(response.body.string.contains(field), "\(field): \(response.body.string)")
            }
            #expect(try await Project.query(on: app.db).count() == 0)
            #expect(try await ProjectScore.query(on: app.db).count() == 0)

            for weights in ["impact:-1", "impact:0,vliegwiel:0", "geluk:1", "impact:x"] {
                let response = try await API.call(.GET, "/api/v1/programme/ranking?weights=\(weights)", headers: headers, in: app)
                #expect(response.status == .badRequest, "weights=\(weights)")
                #expect(response.body.string.contains("weights"))
            }

            let meeting = try await API.call(.POST, "/api/v1/meetings", #"{"date":"2026-11-01","title":"Aanjaagteam","actions":[{"description":"Bellen","due_on":"2026-12-01"}]}"#,
                                             headers: headers, in: app)
            #expect(meeting.status == .unprocessableEntity)
            #expect(meeting.body.string.contains("actions[0].owner"))
            #expect(try await Meeting.query(on: app.db).count() == 0)
            #expect(try await FollowUp.query(on: app.db).count() == 0)
        }
    }

    @Test func accountManagersReadAndAdvisersEdit() async throws {
        try await withTestApp { app in
            let (manager, _) = try await API.token(.accountmanager, in: app)
            #expect(try await API.call(.GET, "/api/v1/projects", headers: manager, in: app).status == .ok)
            #expect(try await API.call(.GET, "/api/v1/programme/ranking", headers: manager, in: app).status == .ok)
            #expect(try await API.call(.POST, "/api/v1/projects", #"{"name":"X"}"#, headers: manager, in: app).status == .forbidden)
            #expect(try await API.call(.POST, "/api/v1/meetings", #"{"date":"2026-11-01","title":"X"}"#, headers: manager, in: app).status == .forbidden)
            let session = try await app.session(as: .accountmanager)
            #expect(try await Web.get("/programma/projecten/nieuw", as: session, in: app).status == .forbidden)
            #expect(try await Web.get("/programma", as: session, in: app).status == .ok)
        }
    }

    /// An adviser scores a project on the web, sees it ranked, records a meeting with a decision on
    /// the project and an action for an account manager, who finds it among their tasks.
    @Test func anAdviserScoresAndRecordsAMeetingWhoseActionReachesTheOwnersTasks() async throws {
        try await withTestApp { app in
            let adviser = try await app.session(as: .adviser)
            let created = try await Web.post("/programma", ["name": "Innovatiedistrict", "phase": "assessment", "budget_total": "1000000", "budget_municipal": "400000"],
                                             as: adviser, in: app)
            #expect(created.status == .seeOther)
            let project = try #require(try await Project.query(on: app.db).first()).requireID()
            var scores = ["assessor": "user:\(try adviser.user.requireID().uuidString)"]
            for criterion in Criterion.allCases { (scores["score_\(criterion.rawValue)"], scores["rationale_\(criterion.rawValue)"]) = ("4", "sterk") }
            scores["score_impact"] = "9"
            let refused = try await Web.post("/programma/projecten/\(project)/beoordelen", scores, as: adviser, in: app)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("schaal"))
            scores["score_impact"] = "5"
            #expect(try await Web.post("/programma/projecten/\(project)/beoordelen", scores, as: adviser, in: app).status == .seeOther)
            let page = try await Web.get("/programma/rangorde", as: adviser, in: app)
            #expect(page.body.string.contains("Innovatiedistrict"))
            #expect(try await ProjectScore.query(on: app.db).count() == 5)

            let owner = try await app.session(as: .accountmanager)
            #expect(try await Web.post("/programma/overleggen", ["date": "2026-11-20", "title": "Aanjaagteam november"], as: adviser, in: app).status == .seeOther)
            let meeting = try #require(try await Meeting.query(on: app.db).first()).requireID()
            #expect(try await Web.post("/programma/overleggen/\(meeting)/besluiten", ["decision": "Door naar besluitvorming", "project": project.uuidString],
                                       as: adviser, in: app).status == .seeOther)
            let withoutOwner = try await Web.post("/programma/overleggen/\(meeting)/acties", ["description": "Partners bellen", "due_on": "2026-12-10"], as: adviser, in: app)
            #expect(withoutOwner.status == .unprocessableEntity)
            #expect(try await Web.post("/programma/overleggen/\(meeting)/acties", ["description": "Partners bellen", "owner": try owner.user.requireID().uuidString,
                                                                                    "due_on": "2026-12-10", "project": project.uuidString], as: adviser, in: app).status == .seeOther)
            let tasks = try await Web.get("/relaties/taken", as: owner, in: app)
            #expect(tasks.body.string.contains("Partners bellen"))
            #expect(tasks.body.string.contains("Aanjaagteam november"))
            let projectPage = try await Web.get("/programma/projecten/\(project)", as: adviser, in: app)
            #expect(projectPage.body.string.contains("Door naar besluitvorming"))
            let minutes = try await Web.get("/programma/overleggen/\(meeting)", as: owner, in: app)
            #expect(minutes.status == .ok)
            #expect(minutes.body.string.contains("Partners bellen"))
        }
    }

    /// Erasing a person clears them from the programme: their seat, attendance, trekkership and
    /// assessor's name go; their scores stay (the ranking does not shift).
    @Test func erasingAPersonClearsThemFromTheProgramme() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let (admin, _) = try await API.token(.admin, in: app)
            let person = try API.object(try await API.call(.POST, "/api/v1/people", #"{"name":"Wilhelmina Oosterbroek"}"#, headers: admin, in: app))["id"] as! String
            let project = try API.object(try await API.call(.POST, "/api/v1/projects", """
                {"name":"Fieldlab","lead_person":"\(person)","description":"Trekker Wilhelmina Oosterbroek",
                 "scores":[{"criterion":"impact","score":4,"rationale":"volgens wilhelmina  Oosterbroek","assessor_person":"\(person)"}]}
                """, headers: headers, in: app))["id"] as! String
            try await DriverTeamService(database: app.db, actor: .system).add(person: UUID(uuidString: person)!, side: .business, since: "2025-01-01")
            #expect(try await API.call(.POST, "/api/v1/meetings", #"{"date":"2026-11-01","title":"Overleg","attendees":["\#(person)"]}"#, headers: headers, in: app).status == .created)

            #expect(try await API.call(.POST, "/api/v1/people/\(person)/erase", headers: admin, in: app).status == .noContent)
            let dto = try API.object(try await API.call(.GET, "/api/v1/projects/\(project)", headers: headers, in: app))
            #expect(dto["lead_person"] == nil)
            #expect(!(dto["description"] as! String).contains("Oosterbroek"))
            let scores = try #require(dto["scores"] as? [[String: Any]])
            #expect(scores.count == 1)
            #expect(scores[0]["assessor_person"] == nil)
            #expect(scores[0]["assessor_name"] as? String == Privacy.erased)
            #expect(!(scores[0]["rationale"] as! String).contains("Oosterbroek"))
            #expect(try await DriverTeamMember.query(on: app.db).count() == 0)
            let meetings = try #require(try API.object(try await API.call(.GET, "/api/v1/meetings", headers: headers, in: app))["data"] as? [[String: Any]])
            #expect((meetings.first?["attendees"] as? [Any])?.isEmpty == true)
        }
    }

    /// Merging organisations moves a project's lead and partners.
    @Test func mergingOrganisationsMovesProjectLeadsAndPartners() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let keep = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Windesheim"}"#, headers: headers, in: app))["id"] as! String
            let drop = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Hogeschool Windesheim"}"#, headers: headers, in: app))["id"] as! String
            let project = try API.object(try await API.call(.POST, "/api/v1/projects", #"{"name":"Talent","lead_organisation":"\#(drop)","partners":["\#(drop)","\#(keep)"]}"#,
                                                            headers: headers, in: app))["id"] as! String
            #expect(try await API.call(.POST, "/api/v1/organisations/\(keep)/merge", #"{"duplicate":"\#(drop)"}"#, headers: headers, in: app).status == .ok)
            let dto = try API.object(try await API.call(.GET, "/api/v1/projects/\(project)", headers: headers, in: app))
            #expect(dto["lead_organisation"] as? String == keep)
            #expect(dto["partners"] as? [String] == [keep])
        }
    }

    /// What a reviewer found: a running project without scores still costs money; a new phase
    /// sent with the old phase's date begins today; deleting a meeting keeps its decision about a
    /// project in that project's log and its actions in the owner's tasks.
    @Test func committedProjectsCountAndNothingOfAProjectIsLostWithAMeeting() async throws {
        try await withTestApp { app in
            let (headers, user) = try await API.token(.adviser, in: app)
            let people = try await Self.assessors(in: app)
            _ = try await Self.project("Kandidaat", scores: people.map { ($0, [4, 4, 4, 4, 4]) }, municipal: 300_000, headers: headers, in: app)
            let running = try API.object(try await API.call(.POST, "/api/v1/projects", #"{"name":"Loopt","phase":"running","phase_since":"2025-01-01","budget_municipal":800000}"#,
                                                            headers: headers, in: app))["id"] as! String
            let selection = try API.object(try await API.call(.GET, "/api/v1/programme/selection?budget=1000000", headers: headers, in: app))
            #expect(selection["total_cost"] as? Double == 800_000, "the running project counts; the candidate no longer fits")
            #expect((selection["projects"] as? [[String: Any]])?.map { $0["name"] as! String } == ["Loopt"])
            #expect(try await API.call(.GET, "/api/v1/programme/selection?budget=700000", headers: headers, in: app).status == .badRequest)

            let changed = try API.object(try await API.call(.PATCH, "/api/v1/projects/\(running)", #"{"phase":"done"}"#, headers: headers, in: app))
            #expect(changed["phase_since"] as? String == CalendarDay.today.text)
            #expect((changed["phases"] as? [[String: String]])?.map { $0["since"]! } == ["2025-01-01", CalendarDay.today.text])

            let meeting = try API.object(try await API.call(.POST, "/api/v1/meetings", """
                {"date":"2026-11-01","title":"Overleg","decisions":[{"decision":"Afronden","project":"\(running)"},{"decision":"Vaker vergaderen"}],
                 "actions":[{"description":"Eindverslag","owner":"\(user.email)","due_on":"2026-12-15","project":"\(running)"}]}
                """, headers: headers, in: app))["id"] as! String
            #expect(try await API.call(.DELETE, "/api/v1/meetings/\(meeting)", headers: headers, in: app).status == .noContent)
            let project = try API.object(try await API.call(.GET, "/api/v1/projects/\(running)", headers: headers, in: app))
            #expect((project["decisions"] as? [[String: Any]])?.map { $0["decision"] as! String } == ["Afronden"])
            #expect(try await Decision.query(on: app.db).count() == 1)
            #expect(try await FollowUp.query(on: app.db).filter(\.$description == "Eindverslag").count() == 1)
        }
    }

    @Test func theCommandPrintsTheRankingAndTheSelectionAndRefusesBadArguments() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let people = try await Self.assessors(in: app)
            _ = try await Self.project("Alpha", scores: [(people[0], [5, 5, 5, 5, 5])], municipal: 100_000, headers: headers, in: app)
            _ = try await Self.project("Beta", scores: [(people[0], [1, 1, 1, 1, 1])], municipal: 100_000, headers: headers, in: app)
            let (text, timings) = try await ProgrammeCommand.report(method: "topsis", budget: "100000", on: app.db)
            #expect(text.contains("On top: Alpha"))
            #expect(text.contains("Programme for") && text.contains("  Alpha"))
            #expect(timings.map(\.step) == ["load", "ranking", "sensitivity", "selection"])
            for (method, budget, message) in [("magic", nil, "--method"), (nil, "-5", "--budget"), (nil, "veel", "--budget")] as [(String?, String?, String)] {
                await #expect { try await ProgrammeCommand.report(method: method, budget: budget, on: app.db) } throws: { error in
                    String(describing: error).contains(message)
                }
            }
        }
    }
}
