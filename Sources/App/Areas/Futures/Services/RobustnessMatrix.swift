import Analysis
import Fluent
import Foundation

/// The robustness test: every policy option scored in every scenario (the median of the
/// assessors, with the spread), and six metrics of `Analysis.Robustness` side by side, each with
/// its ranking, and how often each option comes out best. docs/methods.md section 4.
struct RobustnessMatrix: Sendable {
    /// The score scale, stated on the form and in errors.
    static let scale = 1...10
    static var scaleText: String {
        localized("\(scale.lowerBound) (slecht) tot \(scale.upperBound) (uitstekend)", "\(scale.lowerBound) (poor) to \(scale.upperBound) (excellent)")
    }

    struct Item: Sendable, Equatable {
        let id: UUID
        let key: String
        let name: String
    }

    /// One assessor's score of an option in a scenario.
    struct Score: Sendable, Equatable {
        let option: UUID
        let scenario: UUID
        let score: Int
        let rationale: String
        /// `user:<id>`, `person:<id>`, or `erased`.
        let assessorKey: String
        let assessorName: String
        let scoredOn: String
    }

    let options: [Item]
    let scenarios: [Item]
    let scores: [Score]
    let settings: FuturesSettings

    /// The scores of option `o` in scenario `s` taken together; nil without any.
    func cell(_ option: Int, _ scenario: Int) -> ProgrammeScores.Summary? {
        ProgrammeScores.Summary(scores(option, scenario).map(\.score))
    }

    func scores(_ option: Int, _ scenario: Int) -> [Score] {
        scores.filter { $0.option == options[option].id && $0.scenario == scenarios[scenario].id }
    }

    /// The cells without a score, as "option in scenario".
    var missing: [String] {
        options.indices.flatMap { o in
            scenarios.indices.compactMap { s in cell(o, s) == nil ? localized("\(options[o].name) in \(scenarios[s].name)", "\(options[o].name) in \(scenarios[s].name)") : nil }
        }
    }

    /// The medians, option by scenario; nil until every cell has a score.
    var medians: [[Double]]? {
        guard !options.isEmpty, !scenarios.isEmpty else { return nil }
        var rows: [[Double]] = []
        for o in options.indices {
            var row: [Double] = []
            for s in scenarios.indices {
                guard let cell = cell(o, s) else { return nil }
                row.append(cell.median)
            }
            rows.append(row)
        }
        return rows
    }

    enum Metric: String, CaseIterable, Sendable {
        case maximin, maximax, laplace, hurwicz, minimaxRegret = "minimax_regret", satisficing

        var name: String {
            switch self {
            case .maximin: "Maximin"
            case .maximax: "Maximax"
            case .laplace: "Laplace"
            case .hurwicz: "Hurwicz"
            case .minimaxRegret: localized("Minimax-spijt", "Minimax regret")
            case .satisficing: localized("Voldoende (satisficing)", "Satisficing")
            }
        }

        var higherIsBetter: Bool { self != .minimaxRegret }

        /// The sentence the page explains the metric with.
        func explanation(_ settings: FuturesSettings) -> String {
            switch self {
            case .maximin: localized("De score in het slechtste scenario: kies de optie die het minst slecht uitpakt als het tegenzit.",
                                     "The score in the worst scenario: choose the option that does least badly when things go wrong.")
            case .maximax: localized("De score in het beste scenario: kies de optie met de hoogste piek, voor wie op het beste rekent.",
                                     "The score in the best scenario: choose the option with the highest peak, for those counting on the best.")
            case .laplace: localized("Het gemiddelde over de scenario's: elk scenario even waarschijnlijk.",
                                     "The mean over the scenarios: every scenario equally likely.")
            case .hurwicz: localized("Een mengsel van beste en slechtste scenario: \(Format.decimal(settings.optimism, digits: 2)) × beste + \(Format.decimal(1 - settings.optimism, digits: 2)) × slechtste (de optimisme-weging).",
                                     "A blend of the best and the worst scenario: \(Format.decimal(settings.optimism, digits: 2)) × best + \(Format.decimal(1 - settings.optimism, digits: 2)) × worst (the optimism weight).")
            case .minimaxRegret: localized("De grootste spijt: hoeveel punten een optie in een scenario achterblijft bij de beste optie daar; lager is beter.",
                                           "The largest regret: how many points an option falls short of the best option in a scenario; lower is better.")
            case .satisficing: localized("Het aandeel scenario's waarin de optie de drempel van \(Format.figure(settings.threshold)) haalt.",
                                         "The share of scenarios in which the option reaches the threshold of \(Format.figure(settings.threshold)).")
            }
        }
    }

    struct MetricResult: Sendable {
        let metric: Metric
        /// Per option, in `options` order.
        let values: [Double]
        /// Competition ranks, 1 for the best (equal values share a rank).
        let ranks: [Int]
        /// The options ranked first.
        var preferred: [Int] { ranks.indices.filter { ranks[$0] == 1 } }
    }

    /// Every metric; empty until every cell has a score.
    func metrics() -> [MetricResult] {
        guard let medians else { return [] }
        let robustness = Robustness(scores: medians)
        return Metric.allCases.map { metric in
            let values: [Double] = switch metric {
            case .maximin: robustness.maximin()
            case .maximax: robustness.maximax()
            case .laplace: robustness.laplace()
            case .hurwicz: robustness.hurwicz(optimism: settings.optimism)
            case .minimaxRegret: robustness.minimaxRegret()
            case .satisficing: robustness.satisficing(threshold: settings.threshold)
            }
            return MetricResult(metric: metric, values: values, ranks: MultiCriteria.ranks(metric.higherIsBetter ? values : values.map { -$0 }))
        }
    }

    /// How often each option is preferred, and which options are preferred most often.
    struct Summary: Sendable {
        /// Per option, in `options` order: the metrics that rank it first.
        let preferredBy: [[Metric]]
        let metricCount: Int
        /// The options preferred by the most metrics (more than one on a tie).
        let mostRobust: [Int]
    }

    func summary() -> Summary? {
        let results = metrics()
        guard !results.isEmpty else { return nil }
        let preferredBy = options.indices.map { o in results.filter { $0.preferred.contains(o) }.map(\.metric) }
        let most = preferredBy.map(\.count).max() ?? 0
        return Summary(preferredBy: preferredBy, metricCount: results.count, mostRobust: options.indices.filter { preferredBy[$0].count == most })
    }

    /// The conclusion in one sentence.
    func conclusion() -> String {
        guard !options.isEmpty, !scenarios.isEmpty else {
            return localized("Er zijn nog geen scenario's en beleidsopties om te vergelijken.", "There are no scenarios and policy options to compare yet.")
        }
        guard let summary = summary() else {
            return localized("Nog niet elke optie heeft een score in elk scenario; ontbreekt: \(missing.joined(separator: "; ")).",
                             "Not every option has a score in every scenario yet; missing: \(missing.joined(separator: "; ")).")
        }
        let names = summary.mostRobust.map { options[$0].name }, count = summary.preferredBy[summary.mostRobust[0]].count
        if names.count == 1 {
            return localized("\(names[0]) is het meest robuust: \(count) van de \(summary.metricCount) maatstaven geven er de voorkeur aan.",
                             "\(names[0]) is the most robust: \(count) of the \(summary.metricCount) metrics prefer it.")
        }
        let list = { (and: String) in names.dropLast().joined(separator: ", ") + " \(and) " + names.last! }
        return localized("Geen eenduidige winnaar: \(list("en")) krijgen elk de voorkeur van \(count) van de \(summary.metricCount) maatstaven.",
                         "No single winner: \(list("and")) are each preferred by \(count) of the \(summary.metricCount) metrics.")
    }

    /// The scenarios and options in their order, every score with its assessor, and the settings.
    static func load(settings: FuturesSettings? = nil, on database: Database) async throws -> RobustnessMatrix {
        let items = try await FuturesItem.query(on: database).sort(\.$position).sort(\.$name).all()
        let named = { (kind: FuturesItem.Kind) in try items.filter { $0.kind == kind }.map { Item(id: try $0.requireID(), key: $0.key, name: $0.name) } }
        let rows = try await RobustnessScore.query(on: database).with(\.$assessorUser).with(\.$assessorPerson).all()
        let scores = try rows.map { row in
            let (key, name) = try Assessor.describe(user: row.assessorUser, person: row.assessorPerson)
            return Score(option: row.$option.id, scenario: row.$scenario.id, score: row.score, rationale: row.rationale,
                         assessorKey: key, assessorName: name, scoredOn: row.scoredOn)
        }.sorted { ($0.assessorName, $0.scoredOn) < ($1.assessorName, $1.scoredOn) }
        var current = settings
        if current == nil { current = try await FuturesSettings.current(on: database) }
        return RobustnessMatrix(options: try named(.option), scenarios: try named(.scenario), scores: scores, settings: current!)
    }
}
