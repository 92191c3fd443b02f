import Analysis
import Fluent
import Foundation
import Vapor

/// A kind of `FuturesItem` as a resource of its own: `/api/v1/scenarios` and `/api/v1/options`.
protocol FuturesKind: Sendable {
    static var kind: FuturesItem.Kind { get }
    static var path: String { get }
    static var noun: String { get }
}

enum ScenarioKind: FuturesKind {
    static let kind = FuturesItem.Kind.scenario
    static let path = "scenarios"
    static let noun = "scenario"
}

enum OptionKind: FuturesKind {
    static let kind = FuturesItem.Kind.option
    static let path = "options"
    static let noun = "policy option"
}

/// `/api/v1/scenarios` and `/api/v1/options`: list, read, create, replace, change, delete; a
/// scenario with the signposts that watch it.
enum FuturesItemsResource<Kind: FuturesKind>: APIResource {
    struct DTO: Content {
        struct SignpostRef: Content { let id: UUID; let name: String; let status: String? }
        let id: UUID
        let key: String
        let name: String
        let description: String
        let assumptions: [String]
        let signs: String?
        let position: Int
        let signposts: [SignpostRef]
    }

    static var path: String { Kind.path }
    static var noun: String { Kind.noun }

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [FuturesItem], total: Int) {
        let query = FuturesItem.query(on: request.db).filter(\.$kind == Kind.kind)
        return (try await query.copy().sort(\.$position).sort(\.$name).page(page, size: size).all(), try await query.count())
    }

    static func find(_ id: UUID, on database: Database) async throws -> FuturesItem {
        try await FuturesService.find(Kind.kind, key: id.uuidString, on: database)
    }

    static func dtos(_ records: [FuturesItem], request: Request) async throws -> [DTO] {
        let signposts = try await Signpost.query(on: request.db).filter(\.$item.$id ~~ records.compactMap(\.id)).sort(\.$name).all()
        return try records.map { item in
            DTO(id: try item.requireID(), key: item.key, name: item.name, description: item.description,
                assumptions: (item.assumptions ?? "").split(separator: "\n").map(String.init), signs: item.signs, position: item.position,
                signposts: try signposts.filter { $0.$item.id == item.id }.map { DTO.SignpostRef(id: try $0.requireID(), name: $0.name, status: $0.status?.rawValue) })
        }
    }

    static func input(of record: FuturesItem, on database: Database) async throws -> FuturesItemInput { FuturesItemInput(record) }

    static func create(_ input: FuturesItemInput, request: Request) async throws -> FuturesItem {
        try await FuturesService(database: request.db, actor: request.auditActor).create(Kind.kind, try input.validated(kind: Kind.kind))
    }

    static func update(_ record: FuturesItem, with input: FuturesItemInput, request: Request) async throws {
        try await FuturesService(database: request.db, actor: request.auditActor).update(record, try input.validated(kind: Kind.kind))
    }

    static func delete(_ record: FuturesItem, request: Request) async throws {
        try await FuturesService(database: request.db, actor: request.auditActor).delete(record)
    }
}

/// `/api/v1/signposts`: list, read, create, replace, change, delete, each with its latest reading.
enum SignpostsResource: APIResource {
    struct DTO: Content {
        struct Current: Content {
            let value: Double; let asOf: String
            enum CodingKeys: String, CodingKey { case value, asOf = "as_of" }
        }
        let id: UUID
        let name: String
        let indicator: String
        let parameters: [String: String]
        let scenario: String?
        let option: String?
        let direction: String
        let trigger: Double
        let warning: Double?
        let notes: String?
        /// quiet, watch or triggered; null when it could not be read (see `problem`).
        let status: String?
        let current: Current?
        let slope: Double?
        let projectedCrossing: String?
        let problem: String?
        let evaluatedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, name, indicator, parameters, scenario, option, direction, trigger, warning, notes, status, current, slope, problem
            case projectedCrossing = "projected_crossing", evaluatedAt = "evaluated_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(indicator, forKey: .indicator)
            try container.encode(parameters, forKey: .parameters)
            try container.encode(scenario, forKey: .scenario)
            try container.encode(option, forKey: .option)
            try container.encode(direction, forKey: .direction)
            try container.encode(trigger, forKey: .trigger)
            try container.encode(warning, forKey: .warning)
            try container.encode(notes, forKey: .notes)
            try container.encode(status, forKey: .status)
            try container.encode(current, forKey: .current)
            try container.encode(slope, forKey: .slope)
            try container.encode(projectedCrossing, forKey: .projectedCrossing)
            try container.encode(problem, forKey: .problem)
            try container.encode(evaluatedAt, forKey: .evaluatedAt)
        }

        init(_ signpost: Signpost, item: FuturesItem?) throws {
            (id, name, indicator) = (try signpost.requireID(), signpost.name, signpost.indicator)
            parameters = Dictionary(uniqueKeysWithValues: signpost.parameterValues.map { ($0.key.rawValue, $0.value) })
            (scenario, option) = (item?.kind == .scenario ? item?.key : nil, item?.kind == .option ? item?.key : nil)
            (direction, trigger, warning, notes) = (signpost.direction.rawValue, signpost.trigger, signpost.warning, signpost.notes)
            (status, slope, projectedCrossing, problem, evaluatedAt) = (signpost.status?.rawValue, signpost.slope, signpost.projectedCrossing, signpost.problem, signpost.evaluatedAt)
            current = signpost.value.flatMap { value in signpost.asOf.map { Current(value: value, asOf: $0) } }
        }
    }

    static let path = "signposts"
    static let noun = "signpost"
    static let filters: [APIParameter] = [.choice("status", "Its status at the last reading.", SignpostReading.Status.self)]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Signpost], total: Int) {
        var query = Signpost.query(on: request.db).with(\.$item)
        if let status = try request.choice("status", as: SignpostReading.Status.self) { query = query.filter(\.$status == status) }
        return (try await query.copy().sort(\.$name).sort(\.$id).page(page, size: size).all(), try await query.count())
    }

    static func find(_ id: UUID, on database: Database) async throws -> Signpost { try await SignpostService.find(id, on: database) }

    static func dtos(_ records: [Signpost], request: Request) async throws -> [DTO] {
        let items = try await FuturesItem.query(on: request.db).filter(\.$id ~~ records.map(\.$item.id)).all()
        return try records.map { signpost in try DTO(signpost, item: items.first { $0.id == signpost.$item.id }) }
    }

    static func input(of record: Signpost, on database: Database) async throws -> SignpostInput { SignpostInput(record) }

    static func create(_ input: SignpostInput, request: Request) async throws -> Signpost {
        let service = try await service(request)
        return try await service.save(try await input.validated(catalogue: service.catalogue))
    }

    static func update(_ record: Signpost, with input: SignpostInput, request: Request) async throws {
        let service = try await service(request)
        _ = try await service.save(try await input.validated(catalogue: service.catalogue, existing: record), to: record)
    }

    static func delete(_ record: Signpost, request: Request) async throws {
        try await service(request).delete(record)
    }

    private static func service(_ request: Request) async throws -> SignpostService {
        SignpostService(catalogue: try await IndicatorCatalogue.on(application: request.application, database: request.db), actor: request.auditActor)
    }
}

/// `/api/v1/futures/robustness`, `PUT /api/v1/futures/scores` and `/settings`,
/// `POST /api/v1/signposts/evaluate`, `/api/v1/alerts` and acknowledging one.
enum FuturesAPI {
    struct Robustness: Content {
        struct Item: Content { let id: UUID; let key: String; let name: String }
        struct Score: Content {
            let score: Int; let rationale: String; let assessorName: String; let assessorUser: UUID?; let assessorPerson: UUID?; let scoredOn: String
            enum CodingKeys: String, CodingKey {
                case score, rationale, assessorName = "assessor_name", assessorUser = "assessor_user", assessorPerson = "assessor_person", scoredOn = "scored_on"
            }
        }
        struct Cell: Content {
            let option: String; let scenario: String; let median: Double?; let lowest: Int?; let highest: Int?; let assessors: Int; let scores: [Score]
        }
        struct Metric: Content {
            let metric: String; let name: String; let higherIsBetter: Bool; let explanation: String
            /// Per option key.
            let values: [String: Double]; let ranks: [String: Int]
            /// Option keys, best first.
            let ranking: [String]
            let preferred: [String]
            enum CodingKeys: String, CodingKey { case metric, name, explanation, values, ranks, ranking, preferred, higherIsBetter = "higher_is_better" }
        }
        struct Summary: Content {
            /// Per option key, the metrics that rank it first.
            let preferredBy: [String: [String]]; let mostRobust: [String]; let metrics: Int; let conclusion: String
            enum CodingKeys: String, CodingKey { case metrics, conclusion, preferredBy = "preferred_by", mostRobust = "most_robust" }
        }
        struct Settings: Content { let optimism: Double; let threshold: Double }
        struct Scale: Content { let lowest: Int; let highest: Int }

        let scale: Scale
        let settings: Settings
        let scenarios: [Item]
        let options: [Item]
        let matrix: [Cell]
        /// Empty until every option has a score in every scenario.
        let metrics: [Metric]
        let summary: Summary?
        let missing: [String]
    }

    static func robustness(_ matrix: RobustnessMatrix) -> Robustness {
        let item = { (item: RobustnessMatrix.Item) in Robustness.Item(id: item.id, key: item.key, name: item.name) }
        var cells: [Robustness.Cell] = []
        for (o, option) in matrix.options.enumerated() {
            for (s, scenario) in matrix.scenarios.enumerated() {
                let summary = matrix.cell(o, s)
                cells.append(Robustness.Cell(option: option.key, scenario: scenario.key, median: summary?.median, lowest: summary?.lowest, highest: summary?.highest,
                                             assessors: summary?.count ?? 0, scores: matrix.scores(o, s).map { score in
                    let (user, person) = Assessor.ids(key: score.assessorKey)
                    return Robustness.Score(score: score.score, rationale: score.rationale, assessorName: score.assessorName, assessorUser: user,
                                            assessorPerson: person, scoredOn: score.scoredOn)
                }))
            }
        }
        let keys = matrix.options.map(\.key)
        let metrics = matrix.metrics().map { result in
            Robustness.Metric(metric: result.metric.rawValue, name: result.metric.name, higherIsBetter: result.metric.higherIsBetter,
                              explanation: result.metric.explanation(matrix.settings),
                              values: Dictionary(uniqueKeysWithValues: zip(keys, result.values)), ranks: Dictionary(uniqueKeysWithValues: zip(keys, result.ranks)),
                              ranking: keys.indices.sorted { (result.ranks[$0], keys[$0]) < (result.ranks[$1], keys[$1]) }.map { keys[$0] },
                              preferred: result.preferred.map { keys[$0] })
        }
        let summary = matrix.summary().map { summary in
            Robustness.Summary(preferredBy: Dictionary(uniqueKeysWithValues: keys.indices.map { (keys[$0], summary.preferredBy[$0].map(\.rawValue)) }),
                               mostRobust: summary.mostRobust.map { keys[$0] }, metrics: summary.metricCount, conclusion: matrix.conclusion())
        }
        return Robustness(scale: .init(lowest: RobustnessMatrix.scale.lowerBound, highest: RobustnessMatrix.scale.upperBound),
                          settings: .init(optimism: matrix.settings.optimism, threshold: matrix.settings.threshold),
                          scenarios: matrix.scenarios.map(item), options: matrix.options.map(item), matrix: cells, metrics: metrics, summary: summary,
                          missing: matrix.missing)
    }

    /// The test at the saved settings, or at `optimism=` and `threshold=` tried for this request.
    @Sendable static func robustness(_ request: Request) async throws -> Robustness {
        let optimism = request.queryText("optimism").map { String($0.prefix(40)) }
        let threshold = request.queryText("threshold").map { String($0.prefix(40)) }
        let settings: FuturesSettings
        do {
            settings = try FuturesSettings.checked(optimism: optimism, threshold: threshold, base: try await FuturesSettings.current(on: request.db))
        } catch let invalid as InvalidFields {
            throw Abort(.badRequest, reason: invalid.description)
        }
        return robustness(try await RobustnessMatrix.load(settings: settings, on: request.db))
    }

    /// Sets one assessor's scores (the requesting user's when no assessor is named).
    @Sendable static func scores(_ request: Request) async throws -> Robustness {
        let input = try request.content.decode(RobustnessScoresInput.self)
        let matrix = try await RobustnessMatrix.load(on: request.db)
        let (assessor, cells) = try input.validated(matrix: matrix, me: request.currentUser?.id)
        try await FuturesService(database: request.db, actor: request.auditActor).score(by: assessor, cells)
        return robustness(try await RobustnessMatrix.load(on: request.db))
    }

    struct SettingsInput: Content {
        var optimism: String?
        var threshold: String?
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = container.text
            (optimism, threshold) = (try text(.optimism), try text(.threshold))
        }
        enum CodingKeys: String, CodingKey { case optimism, threshold }
    }

    @Sendable static func settings(_ request: Request) async throws -> Robustness {
        let input = try request.content.decode(SettingsInput.self)
        let settings = try FuturesSettings.checked(optimism: input.optimism, threshold: input.threshold, base: try await FuturesSettings.current(on: request.db))
        try await settings.save(by: request.auditActor, on: request.db)
        return robustness(try await RobustnessMatrix.load(on: request.db))
    }

    struct Alert: Content {
        let id: UUID; let signpost: UUID?; let signpostName: String; let raisedAt: Date; let value: Double; let asOf: String
        let direction: String; let trigger: Double; let message: String; let acknowledgedAt: Date?
        enum CodingKeys: String, CodingKey {
            case id, signpost, value, direction, trigger, message
            case signpostName = "signpost_name", raisedAt = "raised_at", asOf = "as_of", acknowledgedAt = "acknowledged_at"
        }
        init(_ alert: SignpostAlert) throws {
            (id, signpost, signpostName, raisedAt, value, asOf) = (try alert.requireID(), alert.$signpost.id, alert.signpostName, alert.raisedAt, alert.value, alert.asOf)
            (direction, trigger, message, acknowledgedAt) = (alert.direction.rawValue, alert.trigger, alert.message, alert.acknowledgedAt)
        }
    }

    struct Evaluation: Content {
        struct Problem: Content { let signpost: String; let reason: String }
        let evaluated: Int; let raised: [Alert]; let problems: [Problem]
    }

    @Sendable static func evaluate(_ request: Request) async throws -> Evaluation {
        let outcome = try await SignpostWatch.run(application: request.application, database: request.db, actor: request.auditActor)
        return Evaluation(evaluated: outcome.evaluated, raised: try outcome.raised.map(Alert.init),
                          problems: outcome.problems.map { Evaluation.Problem(signpost: $0.name, reason: $0.reason) })
    }

    /// Alerts, newest first; `open=true` only those not acknowledged.
    @Sendable static func alerts(_ request: Request) async throws -> APIPage<Alert> {
        let page = try request.page("page"), size = try request.integer("page_size", in: QueryLimit.pageSize) ?? 50
        var query = SignpostAlert.query(on: request.db)
        switch request.queryText("open")?.lowercased() {
        case nil, "": break
        case "true": query = query.filter(\.$acknowledgedAt == nil)
        case "false": query = query.filter(\.$acknowledgedAt != nil)
        case let other?: throw Abort(.badRequest, reason: localized("open: '\(other.prefix(20))' kan niet; true of false", "open: '\(other.prefix(20))' is not allowed; true or false"))
        }
        let total = try await query.count()
        return APIPage(data: try await query.sort(\.$raisedAt, .descending).sort(\.$id).page(page, size: size).all().map(Alert.init), page: page, pageSize: size, total: total, request: request)
    }

    @Sendable static func acknowledge(_ request: Request) async throws -> Alert {
        let alert = try await SignpostAlert.find(try request.id(), on: request.db, missing: localized("Deze melding bestaat niet (meer).", "This alert does not exist (any more)."))
        try await SignpostWatch.acknowledge(alert, by: request.auditActor, on: request.db)
        return try Alert(alert)
    }
}
