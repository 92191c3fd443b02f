import Fluent
import Foundation
import SQLKit
import Vapor

/// `/api/v1/projects`: list (filters `phase`, `cluster`, `goal`), read, create, replace, change,
/// delete; each project with its phases, milestones, decisions and scores per criterion and assessor.
enum ProjectsResource: APIResource {
    struct DTO: Content {
        struct Phase: Content { let phase: String; let since: String }
        struct MilestoneDTO: Content {
            let id: UUID; let what: String; let dueOn: String; let doneOn: String?
            enum CodingKeys: String, CodingKey { case id, what, dueOn = "due_on", doneOn = "done_on" }
        }
        struct DecisionDTO: Content {
            let id: UUID; let date: String; let decision: String; let decidedBy: String; let reasoning: String?; let meeting: UUID?
            enum CodingKeys: String, CodingKey { case id, date, decision, reasoning, meeting, decidedBy = "decided_by" }
        }
        struct ScoreDTO: Content {
            let criterion: String; let score: Int; let rationale: String; let assessorUser: UUID?; let assessorPerson: UUID?; let assessorName: String; let scoredOn: String
            enum CodingKeys: String, CodingKey {
                case criterion, score, rationale
                case assessorUser = "assessor_user", assessorPerson = "assessor_person", assessorName = "assessor_name", scoredOn = "scored_on"
            }
        }
        struct CriterionDTO: Content { let median: Double; let lowest: Int; let highest: Int; let assessors: Int }

        let id: UUID
        let name: String
        let description: String?
        let leadOrganisation: UUID?
        let leadPerson: UUID?
        let partners: [UUID]
        let clusters: [String]
        let goals: [String]
        let place: String?
        let budgetTotal: Double?
        let budgetMunicipal: Double?
        let fundingSources: String?
        let phase: String
        let phaseSince: String
        let phases: [Phase]
        let startsOn: String?
        let endsOn: String?
        let mustInclude: Bool
        let milestones: [MilestoneDTO]
        let decisions: [DecisionDTO]
        let scores: [ScoreDTO]
        /// Per criterion the median of the assessors with the spread; absent without scores.
        let criteria: [String: CriterionDTO]

        enum CodingKeys: String, CodingKey {
            case id, name, description, partners, clusters, goals, place, phase, phases, milestones, decisions, scores, criteria
            case leadOrganisation = "lead_organisation", leadPerson = "lead_person", budgetTotal = "budget_total", budgetMunicipal = "budget_municipal"
            case fundingSources = "funding_sources", phaseSince = "phase_since", startsOn = "starts_on", endsOn = "ends_on", mustInclude = "must_include"
        }

        init(_ details: ProjectService.Details) {
            (id, name, description, leadOrganisation, leadPerson) = (details.id, details.name, details.description, details.leadOrganisation?.id, details.leadPerson?.id)
            (partners, clusters, goals, place) = (details.partners.map(\.id), details.clusters.map(\.key), details.goals.map(\.key), details.place?.key)
            (budgetTotal, budgetMunicipal, fundingSources) = (details.budgetTotal, details.budgetMunicipal, details.fundingSources)
            (phase, phaseSince, phases) = (details.phase.rawValue, details.phaseSince, details.phases.map { Phase(phase: $0.phase.rawValue, since: $0.since) })
            (startsOn, endsOn, mustInclude) = (details.startsOn, details.endsOn, details.mustInclude)
            milestones = details.milestones.map { MilestoneDTO(id: $0.id, what: $0.what, dueOn: $0.dueOn, doneOn: $0.doneOn) }
            decisions = details.decisions.map { DecisionDTO(id: $0.id, date: $0.date, decision: $0.decision, decidedBy: $0.decidedBy, reasoning: $0.reasoning,
                                                            meeting: details.decisionMeetings[$0.id]) }
            scores = details.scores.map { score in
                let (user, person) = Assessor.ids(key: score.assessorKey)
                return ScoreDTO(criterion: score.criterion.rawValue, score: score.score, rationale: score.rationale, assessorUser: user, assessorPerson: person,
                                assessorName: score.assessorName, scoredOn: score.scoredOn)
            }
            criteria = Dictionary(uniqueKeysWithValues: details.summaries.map {
                ($0.key.rawValue, CriterionDTO(median: $0.value.median, lowest: $0.value.lowest, highest: $0.value.highest, assessors: $0.value.count))
            })
        }
    }

    static let path = "projects"
    static let noun = "project"
    static let filters: [APIParameter] = [
        .choice("phase", "Its phase.", Project.Phase.self),
        .text("cluster", "A cluster's key."),
        .text("goal", "A goal's key."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Project], total: Int) {
        var filter = ProjectService.Filter(phase: try request.choice("phase", as: Project.Phase.self))
        filter.cluster = try await request.named("cluster", find: { try await ClusterService.find(key: $0, on: request.db) })?.requireID()
        filter.goal = try await request.named("goal", find: { try await GoalService.find(key: $0, on: request.db) })?.requireID()
        let query = ProjectService(database: request.db, actor: .system).query(filter)
        let total = try await query.count()
        return (try await query.sort(\.$name).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Project { try await ProjectService.find(id, on: database) }

    static func dtos(_ records: [Project], request: Request) async throws -> [DTO] {
        try await ProjectService(database: request.db, actor: .system).details(of: records).map(DTO.init)
    }

    static func input(of record: Project, on database: Database) async throws -> ProjectInput {
        try await input(of: record, on: database, lists: false)
    }

    /// The stored project as input; `lists`: with its milestones and scores (a PATCH leaves them out, so they stay).
    static func input(of record: Project, on database: Database, lists: Bool) async throws -> ProjectInput {
        let details = try await ProjectService(database: database, actor: .system).details(of: record)
        var input = ProjectInput()
        (input.name, input.description, input.leadOrganisation, input.leadPerson) = (details.name, details.description, details.leadOrganisation?.id.uuidString, details.leadPerson?.id.uuidString)
        (input.partners, input.clusters, input.goals) = (TextList(details.partners.map(\.id.uuidString)), TextList(details.clusters.map(\.key)), TextList(details.goals.map(\.key)))
        (input.place, input.budgetTotal, input.budgetMunicipal) = (details.place?.key, details.budgetTotal.map(Format.plain), details.budgetMunicipal.map(Format.plain))
        (input.fundingSources, input.phase, input.phaseSince) = (details.fundingSources, details.phase.rawValue, details.phaseSince)
        (input.startsOn, input.endsOn, input.mustInclude) = (details.startsOn, details.endsOn, String(details.mustInclude))
        if lists {
            input.milestones = details.milestones.map { MilestoneInput(what: $0.what, dueOn: $0.dueOn, doneOn: $0.doneOn) }
        }
        return input
    }

    static func create(_ input: ProjectInput, request: Request) async throws -> Project {
        try await ProjectService(database: request.db, actor: request.auditActor).save(try input.validated(known: try await ProjectService.known(on: request.db)))
    }

    static func update(_ record: Project, with input: ProjectInput, request: Request) async throws {
        try await ProjectService(database: request.db, actor: request.auditActor).save(try input.validated(known: try await ProjectService.known(on: request.db)), to: record)
    }

    static func delete(_ record: Project, request: Request) async throws {
        try await ProjectService(database: request.db, actor: request.auditActor).delete(record)
    }
}

/// `/api/v1/programme/ranking`, `/sensitivity` and `/selection`: the ranking by either method at
/// the saved weights or `weights=impact:0.3,...`, how far each weight can move before the top
/// changes, and the programme for `budget=`.
enum ProgrammeAPI {
    struct ProjectRef: Content { let id: UUID; let name: String }

    struct Ranking: Content {
        struct Row: Content {
            struct Value: Content { let median: Double; let normalised: Double }
            /// Per criterion (a struct with the criteria as keys: encoding a dictionary per row is slow).
            struct Criteria: Content {
                let impact: Value; let vliegwiel: Value; let businesscase: Value; let eigenaarschap: Value; let samenwerking: Value

                init(_ value: (Criterion) -> Value) {
                    (impact, vliegwiel, businesscase) = (value(.impact), value(.vliegwiel), value(.businesscase))
                    (eigenaarschap, samenwerking) = (value(.eigenaarschap), value(.samenwerking))
                }
            }
            let id: UUID; let name: String; let score: Double; let rank: Int; let criteria: Criteria
        }
        struct Left: Content { let id: UUID; let name: String; let reason: String }
        let method: String
        let weights: [String: Double]
        let projects: [Row]
        let notRanked: [Left]
        /// Projects the other method ranks differently.
        let disagreements: [String]
        enum CodingKeys: String, CodingKey { case method, weights, projects, disagreements, notRanked = "not_ranked" }
    }

    struct Sensitivity: Content {
        struct Move: Content {
            let thresholdWeight: Double; let delta: Double; let newTop: ProjectRef
            enum CodingKeys: String, CodingKey { case delta, thresholdWeight = "threshold_weight", newTop = "new_top" }
        }
        /// `increase` and `decrease` are null (not left out) when the top holds all the way.
        struct Row: Content {
            let criterion: String; let weight: Double; let increase: Move?; let decrease: Move?
            enum CodingKeys: String, CodingKey { case criterion, weight, increase, decrease }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(criterion, forKey: .criterion)
                try container.encode(weight, forKey: .weight)
                try container.encode(increase, forKey: .increase)
                try container.encode(decrease, forKey: .decrease)
            }
        }
        let method: String
        let weights: [String: Double]
        let top: ProjectRef?
        let criteria: [Row]
    }

    struct Selection: Content {
        struct Row: Content {
            let id: UUID; let name: String; let score: Double; let rank: Int; let municipalShare: Double; let reason: String
            enum CodingKeys: String, CodingKey { case id, name, score, rank, reason, municipalShare = "municipal_share" }
        }
        let budget: Double
        let method: String
        let totalScore: Double
        let totalCost: Double
        let projects: [Row]
        let missed: [Row]
        let unpriced: [Ranking.Left]
        enum CodingKeys: String, CodingKey { case budget, method, projects, missed, unpriced, totalScore = "total_score", totalCost = "total_cost" }
    }

    /// The ranking at `weights=` (or the saved weights), and the method (`method=`, wsm by default).
    private static func ranking(_ request: Request) async throws -> (ProgrammeRanking, ProgrammeRanking.Method) {
        let method = try request.choice("method", as: ProgrammeRanking.Method.self) ?? .wsm
        var weights = try await ProgrammeWeights.current(on: request.db)
        if let text = request.queryText("weights"), !text.isEmpty {
            do {
                weights = ProgrammeWeights(values: try ProgrammeWeights.parse(String(text.prefix(400)), field: "weights"), reason: nil)
            } catch let invalid as InvalidFields {
                throw Abort(.badRequest, reason: invalid.description)
            }
        }
        return (try await ProgrammeRanking.load(weights: weights, on: request.db), method)
    }

    private static func weights(_ ranking: ProgrammeRanking) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0.rawValue, ranking.weights.values[$0] ?? 0) })
    }

    @Sendable static func ranking(_ request: Request) async throws -> Ranking {
        let (ranking, method) = try await ranking(request)
        let disagreements = ranking.disagreements().map(\.name)
        return Ranking(method: method.rawValue, weights: weights(ranking), projects: ranking.rows(method).map { row in
            Ranking.Row(id: row.candidate.id, name: row.candidate.name, score: row.score, rank: row.rank, criteria: .init { criterion in
                let k = Criterion.allCases.firstIndex(of: criterion)!
                return Ranking.Row.Value(median: row.candidate.medians[k], normalised: row.normalised[k])
            })
        }, notRanked: ranking.left.map { Ranking.Left(id: $0.id, name: $0.name, reason: $0.reason) }, disagreements: disagreements)
    }

    @Sendable static func sensitivity(_ request: Request) async throws -> Sensitivity {
        let (ranking, method) = try await ranking(request)
        guard let result = ranking.sensitivity(method) else {
            return Sensitivity(method: method.rawValue, weights: weights(ranking), top: ranking.candidates.first.map { ProjectRef(id: $0.id, name: $0.name) }, criteria: [])
        }
        let (top, criteria) = result
        let move = { (move: ProgrammeRanking.Sensitivity.Move?, from: Double) in
            move.map { Sensitivity.Move(thresholdWeight: $0.weight, delta: $0.weight - from, newTop: ProjectRef(id: $0.newTopID, name: $0.newTop)) }
        }
        return Sensitivity(method: method.rawValue, weights: weights(ranking), top: ProjectRef(id: top.id, name: top.name), criteria: criteria.map {
            Sensitivity.Row(criterion: $0.criterion.rawValue, weight: $0.weight, increase: move($0.up, $0.weight), decrease: move($0.down, $0.weight))
        })
    }

    @Sendable static func selection(_ request: Request) async throws -> Selection {
        guard let text = request.queryText("budget"), !text.isEmpty else {
            throw Abort(.badRequest, reason: localized("De parameter budget (euro, 0 of meer) ontbreekt.", "The parameter budget (euros, 0 or more) is missing."))
        }
        let budget: Double
        do { budget = try SelectionPage.budgetValue(String(text.prefix(40))) } catch let invalid as InvalidFields { throw Abort(.badRequest, reason: invalid.description) }
        let (ranking, method) = try await ranking(request)
        let selection: ProgrammeRanking.Selection
        do { selection = try ranking.selection(budget: budget, method: method) } catch let invalid as InvalidFields { throw Abort(.badRequest, reason: invalid.description) }
        let row = { (row: ProgrammeRanking.Row, reason: String) in
            Selection.Row(id: row.candidate.id, name: row.candidate.name, score: row.score, rank: row.rank, municipalShare: row.candidate.municipalShare ?? 0, reason: reason)
        }
        return Selection(budget: budget, method: method.rawValue, totalScore: selection.totalScore, totalCost: selection.totalCost,
                         projects: selection.chosen.map { row($0, $0.candidate.phase.isCommitted ? "running" : $0.candidate.mustInclude ? "must_include" : "chosen") }
                             + selection.alsoIn.map { Selection.Row(id: $0.id, name: $0.name, score: 0, rank: 0, municipalShare: $0.municipalShare ?? 0, reason: "committed_unranked") },
                         missed: selection.missed.map { row($0.row, $0.reason) },
                         unpriced: selection.unpriced.map { Ranking.Left(id: $0.id, name: $0.name, reason: $0.reason) })
    }
}
