import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Vergelijking: a municipality among all Dutch municipalities on their published
/// totals (`vliegwiel import municipal-figures`): its rank on jobs per 1,000 inhabitants, jobs
/// growth or establishments per 1,000 inhabitants against a peer group, over time, and whether
/// the register agrees with the published totals where it covers a municipality.
enum Benchmark {
    enum Group: String, Sendable, CaseIterable, Hashable {
        case all = "alle"
        case largest = "grootste-40"
        case province = "provincie"
        case similarSize = "vergelijkbaar"
        case chosen = "keuze"

        var label: String {
            switch self {
            case .all: localized("alle gemeenten", "all municipalities")
            case .largest: localized("de 40 grootste gemeenten", "the 40 largest municipalities")
            case .province: localized("de gemeenten van de provincie", "the municipalities of the province")
            case .similarSize: localized("gemeenten van vergelijkbare omvang (2/3 tot 3/2 van de inwoners)", "municipalities of similar size (2/3 to 3/2 of the inhabitants)")
            case .chosen: localized("een eigen keuze", "a chosen list")
            }
        }
    }

    /// What the page shows; every part is in the URL.
    struct Query: Sendable, Hashable {
        var area: String
        var indicator: MunicipalRanking.Indicator = .jobsPerThousand
        var group: Group = .all
        var year: Int?
        var base: Int?
        /// For `.chosen`: the municipalities compared with the area.
        var chosen: [String] = []
    }

    struct Row: Sendable, Equatable {
        let code: String
        let name: String
        let value: Double
        let rank: Int
        let figures: KeyFigures
    }

    /// The area's value and rank in the group in one year.
    struct Point: Sendable, Equatable {
        let year: Int
        let value: Double?
        let rank: Int?
        let of: Int
    }

    /// Published totals against the register's count, for a municipality the register covers.
    struct RegisterCheck: Sendable, Equatable {
        let code: String
        let name: String
        let published: KeyFigures
        let registerJobs: Int
        let registerEstablishments: Int

        var agrees: Bool { published.jobs == registerJobs && published.establishments == registerEstablishments }
    }

    struct Model: Sendable, Equatable {
        let query: Query
        let areaName: String
        let year: Int
        /// The base year of jobs growth.
        let base: Int
        let years: [Int]
        /// The peer group ranked, highest first.
        let rows: [Row]
        let trend: [Point]
        /// For a chosen list: each municipality's value per year.
        let chosenTrend: [(code: String, name: String, values: [Int: Double])]
        let registerChecks: [RegisterCheck]
        /// Municipalities of the group without a value (no inhabitants, or no base year).
        let withoutValue: Int
        let isDemo: Bool

        var indicator: MunicipalRanking.Indicator { query.indicator }
        var area: Row? { rows.first { $0.code == query.area } }
        var title: String { localized("\(areaName) vergeleken: \(indicator.label), \(year)", "\(areaName) compared: \(indicator.label), \(year)") }

        static func == (a: Model, b: Model) -> Bool {
            a.query == b.query && a.year == b.year && a.base == b.base && a.rows == b.rows && a.trend == b.trend && a.registerChecks == b.registerChecks
                && a.chosenTrend.map(\.code) == b.chosenTrend.map(\.code) && a.chosenTrend.map(\.values) == b.chosenTrend.map(\.values)
        }
    }

    /// Reads the query from the URL: `gebied`, `indicator`, `groep`, `jaar`, `van`, `vergelijk`
    /// (codes or names separated by commas), or their API names.
    static func parse(_ request: Request, defaultArea: String, api: Bool = false) throws -> Query {
        let reference = try ReferenceData.shared.get()
        let name = { (page: String, english: String) in api ? english : page }
        var query = Query(area: defaultArea)
        if let text = request.queryText(name("gebied", "area")) {
            query.area = try municipality(text, reference: reference, parameter: name("gebied", "area"))
        }
        query.indicator = try request.choice("indicator", as: MunicipalRanking.Indicator.self) ?? .jobsPerThousand
        query.year = try request.integer(name("jaar", "year"), in: QueryLimit.year)
        query.base = try request.integer(name("van", "from"), in: QueryLimit.year)
        let listed = (request.queryText(name("vergelijk", "compare")) ?? "").split(separator: ",")
        guard listed.count <= 60 else {
            throw Abort(.badRequest, reason: localized("'\(name("vergelijk", "compare"))' noemt \(listed.count) gemeenten; vergelijk er hooguit 60.",
                                                       "'\(name("vergelijk", "compare"))' names \(listed.count) municipalities; compare at most 60."))
        }
        for text in listed {
            let code = try municipality(String(text), reference: reference, parameter: name("vergelijk", "compare"))
            if !query.chosen.contains(code) { query.chosen.append(code) }
        }
        query.group = try request.choice(name("groep", "group"), as: Group.self) ?? (query.chosen.isEmpty ? .all : .chosen)
        return query
    }

    /// A municipality by its CBS code (GM0193, 0193) or its name (Eindhoven), or a 400 naming the parameter.
    static func municipality(_ text: String, reference: ReferenceData, parameter: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let code = RegisterCSV.municipalityCode(trimmed), reference.municipalityCodes.contains(code) { return code }
        if let found = reference.municipalities.first(where: { $0.name.caseInsensitiveCompare(trimmed) == .orderedSame }) { return found.code }
        throw Abort(.badRequest, reason: localized("'\(trimmed.prefix(40))' in '\(parameter)' is geen gemeente; geef een CBS-code (GM0772) of een naam (Eindhoven).",
                                                   "'\(trimmed.prefix(40))' in '\(parameter)' is not a municipality; give a CBS code (GM0772) or a name (Eindhoven)."))
    }

    /// The codes of the group in a year (the area's own group: its province, its size).
    static func members(of group: Group, area: String, chosen: [String], figures: [String: KeyFigures], reference: ReferenceData) -> Set<String> {
        switch group {
        case .all:
            return Set(figures.keys)
        case .largest:
            let sized = figures.compactMap { code, figures in figures.inhabitants.map { (code, $0) } }
            return Set(sized.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(40).map(\.0))
        case .province:
            let province = reference.municipalityByCode[area]?.provinceCode
            return Set(figures.keys.filter { reference.municipalityByCode[$0]?.provinceCode == province })
        case .similarSize:
            guard let own = figures[area]?.inhabitants else { return [area] }
            let (low, high) = (Double(own) * 2 / 3, Double(own) * 3 / 2)
            return Set(figures.filter { $0.value.inhabitants.map { (low...high).contains(Double($0)) } ?? false }.keys)
        case .chosen:
            return Set(chosen + [area])
        }
    }

    /// The ranking of the group in one year: the rows with a value, ranked, and how many had none.
    static func ranking(_ query: Query, year: Int, base: Int, figures: [String: [Int: KeyFigures]], reference: ReferenceData) -> (rows: [Row], withoutValue: Int) {
        let ofYear = figures.compactMapValues { $0[year] }
        let members = members(of: query.group, area: query.area, chosen: query.chosen, figures: ofYear, reference: reference)
        var values: [String: Double] = [:]
        for code in members {
            guard let current = ofYear[code],
                  let value = MunicipalRanking.value(query.indicator, current, base: figures[code]?[base]) else { continue }
            values[code] = value
        }
        let rows = CompetitionRanking.ranked(values).map { entry in
            Row(code: entry.key, name: reference.municipalityNames[entry.key] ?? entry.key, value: entry.value, rank: entry.rank, figures: ofYear[entry.key]!)
        }
        return (rows, members.count - values.count)
    }

    /// The model for a request (the page and the API share it): the published figures are read
    /// once per data generation; ranking them takes a millisecond, so it is done for each request
    /// (a cache keyed by every chosen list would only push other pages out).
    static func model(_ query: Query, request: Request) async throws -> Model {
        let (cache, generation, database) = (request.application.viewCache, try await request.dataState().generation, request.db)
        let panel = try await cache.panel(generation: generation, on: database)
        let figures = try await cache.value("municipal-figures", generation: generation) { try await ComparisonStore(database).municipalFigures() }
        let checks = try await cache.value("municipal-figures-checks", generation: generation) { try registerChecks(figures: figures, panel: panel) }
        return try Benchmark.query(query, figures: figures, checks: checks, isDemo: try await request.dataState().isDemo)
    }

    /// `checks`: the register's counts beside the published ones, by year (`registerChecks`).
    static func query(_ query: Query, figures: [String: [Int: KeyFigures]], checks: [Int: [RegisterCheck]], isDemo: Bool) throws -> Model {
        let reference = try ReferenceData.shared.get()
        let years = Set(figures.values.flatMap(\.keys)).sorted()
        guard let last = years.last else {
            throw Abort(.notFound, reason: localized("Er zijn nog geen cijfers van alle gemeenten. Importeer ze met 'vliegwiel import municipal-figures BESTAND'.",
                                                     "There are no figures of all municipalities yet. Import them with 'vliegwiel import municipal-figures FILE'."))
        }
        let year = query.year ?? last
        guard years.contains(year) else {
            throw Abort(.badRequest, reason: localized("Voor \(year) zijn er geen cijfers van de gemeenten; kies een jaar tussen \(years.first!) en \(last).",
                                                       "There are no municipal figures for \(year); pick a year between \(years.first!) and \(last)."))
        }
        let base = query.base ?? years.first { $0 >= year - 10 && $0 < year } ?? year
        guard years.contains(base), base < year || query.indicator != .jobsGrowth else {
            throw Abort(.badRequest, reason: localized("De groei kan niet vanaf \(base): kies een basisjaar met cijfers vóór \(year).",
                                                       "Growth cannot start in \(base): pick a base year with figures before \(year)."))
        }
        let (rows, withoutValue) = ranking(query, year: year, base: base, figures: figures, reference: reference)
        // The area over time: its value and rank in the group of each year (growth over the same span).
        let span = year - base
        let trend = years.filter { query.indicator != .jobsGrowth || years.contains($0 - span) }.map { other in
            let ranked = ranking(query, year: other, base: other - span, figures: figures, reference: reference).rows
            let own = ranked.first { $0.code == query.area }
            return Point(year: other, value: own?.value, rank: own?.rank, of: ranked.count)
        }
        let chosenTrend = query.group == .chosen ? ([query.area] + query.chosen.filter { $0 != query.area }).map { code in
            (code: code, name: reference.municipalityNames[code] ?? code,
             values: Dictionary(uniqueKeysWithValues: years.compactMap { other in
                 figures[code]?[other].flatMap { MunicipalRanking.value(query.indicator, $0, base: figures[code]?[other - span]) }.map { (other, $0) }
             }))
        } : []
        let registerChecks = (checks[year] ?? []).sorted { ($0.code == query.area ? 0 : 1, $0.name) < ($1.code == query.area ? 0 : 1, $1.name) }
        return Model(query: query, areaName: reference.municipalityNames[query.area] ?? query.area, year: year, base: base, years: years, rows: rows, trend: trend,
                     chosenTrend: chosenTrend, registerChecks: registerChecks, withoutValue: withoutValue, isDemo: isDemo)
    }

    /// Where the register has a municipality in a year of the published figures: its own counts
    /// beside the published ones, by year.
    static func registerChecks(figures: [String: [Int: KeyFigures]], panel: RegisterPanel) throws -> [Int: [RegisterCheck]] {
        let names = try ReferenceData.shared.get().municipalityNames
        var result: [Int: [RegisterCheck]] = [:]
        for code in panel.municipalitiesWithRecords() {
            for year in panel.years(in: .municipality(code)) {
                guard let published = figures[code]?[year] else { continue }
                result[year, default: []].append(RegisterCheck(
                    code: code, name: names[code] ?? code, published: published,
                    registerJobs: panel.jobs(in: .municipality(code), year: year), registerEstablishments: panel.establishments(in: .municipality(code), year: year)))
            }
        }
        return result
    }

    static func csv(_ model: Model) -> String {
        (["rang,gemeentecode,gemeente,\(model.indicator.csvName),banen,vestigingen,inwoners"] + model.rows.map { row in
            [String(row.rank), row.code, CSVCell.text(row.name), CSVField.decimal(row.value, digits: 2), String(row.figures.jobs),
             String(row.figures.establishments), CSVField.integer(row.figures.inhabitants)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}

extension MunicipalRanking.Indicator {
    var label: String {
        switch self {
        case .jobsPerThousand: localized("banen per 1.000 inwoners", "jobs per 1,000 inhabitants")
        case .jobsGrowth: localized("banengroei (%)", "jobs growth (%)")
        case .establishmentsPerThousand: localized("vestigingen per 1.000 inwoners", "establishments per 1,000 inhabitants")
        }
    }

    var csvName: String {
        switch self {
        case .jobsPerThousand: "banen_per_1000_inwoners"
        case .jobsGrowth: "banengroei_procent"
        case .establishmentsPerThousand: "vestigingen_per_1000_inwoners"
        }
    }
}
