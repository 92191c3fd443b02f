import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Demografie: business demography from the register (births, closures, arrivals,
/// departures, the stock, survival of each birth cohort), for all units, one SBI section or one
/// cluster; the start-ups per cluster; and the units born in the chosen year.
enum Demography {
    /// What the units are narrowed to: nothing, an SBI section or a cluster (by its key).
    enum Scope: Sendable, Hashable {
        case all
        case section(String, label: String)
        case cluster(key: String, name: String)

        var parameters: [String: String] {
            switch self {
            case .all: [:]
            case .section(let letter, _): ["sectie": letter]
            case .cluster(let key, _): ["cluster": key]
            }
        }

        /// Reads `afbakening` (`sectie:G`, `cluster:health`, from the page's form), or `sectie` or
        /// `cluster` (from links); an unknown section or cluster is a 400 that says what to pick.
        static func parse(_ request: Request, on database: Database) async throws -> Scope {
            var section = request.queryText("sectie"), cluster = request.queryText("cluster")
            if let combined = request.queryText("afbakening"), !combined.isEmpty {
                let parts = combined.split(separator: ":", maxSplits: 1).map(String.init)
                switch parts.first {
                case "sectie" where parts.count == 2: section = parts[1]
                case "cluster" where parts.count == 2: cluster = parts[1]
                default:
                    throw Abort(.badRequest, reason: localized("'afbakening' is 'sectie:' met een letter of 'cluster:' met de sleutel van een cluster.",
                                                               "'afbakening' is 'sectie:' with a letter or 'cluster:' with a cluster's key."))
                }
            }
            return try await scope(section: section, cluster: cluster, on: database)
        }

        /// The scope of a section letter or a cluster key (at most one of the two).
        static func scope(section: String?, cluster: String?, on database: Database) async throws -> Scope {
            switch (section.flatMap { $0.isEmpty ? nil : $0 }, cluster.flatMap { $0.isEmpty ? nil : $0 }) {
            case (nil, nil):
                return .all
            case (let letter?, nil):
                guard let found = try sectionChoices().first(where: { $0.key == letter.uppercased() }) else {
                    throw Abort(.badRequest, reason: localized("'\(letter.prefix(20))' is geen SBI-sectie; kies een letter van A tot en met U.",
                                                               "'\(letter.prefix(20))' is not an SBI section; pick a letter from A to U."))
                }
                return .section(found.key, label: found.name)
            case (nil, let key?):
                let clusters = try await ClusterService.all(on: database)
                guard let found = clusters.first(where: { $0.key == key.lowercased() }) else {
                    throw Abort(.badRequest, reason: localized("Er is geen cluster '\(key.prefix(40))'; kies \(clusters.map(\.key).joined(separator: ", ")).",
                                                               "There is no cluster '\(key.prefix(40))'; pick \(clusters.map(\.key).joined(separator: ", "))."))
                }
                return .cluster(key: found.key, name: found.name)
            case (.some, .some):
                throw Abort(.badRequest, reason: localized("Kies een sectie of een cluster, niet allebei.", "Pick a section or a cluster, not both."))
            }
        }

        /// The register filter of the scope, with the clusters' definitions.
        func filter(_ clusters: [(key: String, name: String, definition: ClusterDefinition)]) -> RegisterPanel.UnitFilter {
            switch self {
            case .all: .all
            case .section(let letter, _): .section(letter)
            case .cluster(let key, _): clusters.first { $0.key == key }.map { .cluster($0.definition) } ?? .all
            }
        }

        /// The scope in a cache key: the same in every language.
        var key: String {
            switch self {
            case .all: "all"
            case .section(let letter, _): "section=" + letter
            case .cluster(let key, _): "cluster=" + key
            }
        }

        var label: String? {
            switch self {
            case .all: nil
            case .section(let letter, let label): localized("sectie ", "section ") + "\(letter) \(label)"
            case .cluster(_, let name): name
            }
        }
    }

    /// The start-ups of one cluster over the period.
    struct ClusterRow: Sendable, Equatable {
        let key: String
        let name: String
        let birthsInYear: Int?
        let birthsInPeriod: Int
        /// Of the cohorts in the period whose third year the register has: survivors / births.
        let survivedThreeYears: Int
        let cohortsThreeYears: Int
    }

    /// A unit born in the chosen year.
    struct Birth: Sendable, Equatable {
        /// The establishment number, or the KvK number of an enterprise.
        let id: String
        let kvk: String
        let name: String
        let sbi: String
        let founded: Int?
        let jobs: Int
        /// Whether it is still in the register in its last year.
        let isPresent: Bool
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let unit: RegisterPanel.Unit
        let scope: Scope
        /// The years from `selection.from` to `selection.to`.
        let years: [BusinessDemography.Year]
        let cohorts: [BusinessDemography.Cohort]
        let clusters: [ClusterRow]
        /// How many units were born in the year; `births` lists the largest of them.
        let birthCount: Int
        let births: [Birth]
        /// The register's last year (survival is known up to it).
        let lastYear: Int
        /// What the scope picker offers: the SBI sections and the clusters.
        let sections: [Named.Keyed]
        let clusterChoices: [Named.Keyed]
        let isDemo: Bool

        var year: Int { selection.to }
        var unitLabel: String { unit == .enterprise ? localized("ondernemingen", "enterprises") : localized("vestigingen", "establishments") }
        var title: String {
            localized("Bedrijfsdemografie in ", "Business demography in ") + "\(selection.name), \(selection.from)-\(selection.to)"
                + (scope.label.map { " (\($0))" } ?? "")
        }

        /// The parameters besides the selection that the page's links keep.
        var parameters: [String: String] {
            scope.parameters.merging(unit == .establishment ? ["eenheid": unit.rawValue] : [:]) { $1 }
        }
    }

    /// The clusters that are not archived (only the growth clusters when `growthOnly`), with their
    /// definitions as the register sees them.
    static func clusters(on database: Database, growthOnly: Bool = false) async throws -> [(key: String, name: String, definition: ClusterDefinition)] {
        let clusters = try await ClusterService.all(on: database).filter { !growthOnly || $0.isGrowthCluster }
        let definitions = try await ClusterService(database: database, actor: .system).definitions(clusters)
        return try clusters.compactMap { cluster in definitions[try cluster.requireID()].map { (cluster.key, cluster.name, $0) } }
    }

    /// The demography of an area's units in the scope and in each cluster (by key), every register year.
    struct Figures: Sendable {
        let scope: BusinessDemography
        let clusters: [String: BusinessDemography]
    }

    /// The figures of the selection's area, computed in one pass over the register and cached per
    /// data generation, area, unit and scope (not per period, which only slices them); the page,
    /// its CSV and the API read the same.
    static func figures(_ selection: MonitorSelection, unit: RegisterPanel.Unit, scope: Scope, panel: RegisterPanel,
                        cache: ViewCache, generation: String, on database: Database) async throws -> Figures {
        try await cache.value("demography|\(selection.area)|\(unit.rawValue)|\(scope.key)", generation: generation) {
            let clusters = try await clusters(on: database)
            let all = panel.demography(in: Area(municipalities: Set(selection.municipalities)), unit: unit,
                                       filters: [scope.filter(clusters)] + clusters.map { .cluster($0.definition) })
            return Figures(scope: all[0], clusters: Dictionary(zip(clusters.map(\.key), all.dropFirst()), uniquingKeysWith: { first, _ in first }))
        }
    }

    /// How many of the year's births the page lists (the largest first).
    static let listedBirths = 100

    static func query(_ selection: MonitorSelection, unit: RegisterPanel.Unit, scope: Scope, figures: Figures,
                      clusters: [(key: String, name: String)], panel: RegisterPanel, on database: Database) async throws -> Model {
        let area = Area(municipalities: Set(selection.municipalities))
        let demography = figures.scope
        let period = selection.from...selection.to
        let clusterRows = clusters.compactMap { cluster -> ClusterRow? in
            guard let figures = figures.clusters[cluster.key] else { return nil }
            let cohorts = figures.cohorts.filter { period.contains($0.year) }
            let known = cohorts.filter { ($0.survivors[3] ?? nil) != nil }
            return ClusterRow(key: cluster.key, name: cluster.name, birthsInYear: figures.year(selection.to)?.births,
                              birthsInPeriod: cohorts.map(\.births).reduce(0, +),
                              survivedThreeYears: known.map { ($0.survivors[3] ?? nil) ?? 0 }.reduce(0, +), cohortsThreeYears: known.map(\.births).reduce(0, +))
        }
        let lastYear = panel.years.last ?? selection.to
        let born = demography.birthsByYear[selection.to] ?? []
        return Model(selection: selection, unit: unit, scope: scope, years: demography.years.filter { period.contains($0.year) },
                     cohorts: demography.cohorts.filter { period.contains($0.year) }, clusters: clusterRows, birthCount: born.count,
                     births: try await births(born, unit: unit, area: area, year: selection.to, lastYear: lastYear, panel: panel, on: database),
                     lastYear: lastYear, sections: try sectionChoices(), clusterChoices: clusters.map { Named.Keyed(key: $0.key, name: $0.name) },
                     isDemo: try await Setting.isDemo(on: database))
    }

    /// The SBI sections A-U with their names in the current language.
    static func sectionChoices() throws -> [Named.Keyed] {
        let labels = try ReferenceData.shared.get().sectionAndDivisionLabels
        return SBI.sections.map { Named.Keyed(key: $0, name: labels[$0]?.text ?? $0) }
    }

    /// The largest units born in the year (by their jobs in the area then), with their name and SBI code.
    private static func births(_ ids: [Int64], unit: RegisterPanel.Unit, area: Area, year: Int, lastYear: Int,
                               panel: RegisterPanel, on database: Database) async throws -> [Birth] {
        guard !ids.isEmpty else { return [] }
        let jobs = panel.jobsPerUnit(unit, in: area, year: year)
        let largest = ids.sorted { (jobs[$0] ?? 0, $1) > (jobs[$1] ?? 0, $0) }.prefix(listedBirths)
        let present = panel.jobsPerUnit(unit, in: Area(municipalities: Set(panel.municipalityCodes)), year: lastYear)
        let numbers = largest.map { RegisterPanel.zeroPadded($0, width: unit == .enterprise ? 8 : 12) }
        let records = try await RegisterStore(database).records(kvks: unit == .enterprise ? numbers : [], establishments: unit == .enterprise ? [] : numbers)
            .filter { $0.year == year && area.municipalities.contains($0.municipality) }
        let byUnit = Dictionary(grouping: records) { Int64(unit == .enterprise ? $0.kvkNumber : $0.establishmentNumber) ?? -1 }
        return largest.compactMap { id in
            guard let records = byUnit[id], let main = RegisterRecord.main(of: records) else { return nil }
            return Birth(id: unit == .enterprise ? main.kvkNumber : main.establishmentNumber, kvk: main.kvkNumber, name: main.name, sbi: main.sbi,
                         founded: records.compactMap(\.foundedYear).min(), jobs: jobs[id] ?? 0, isPresent: present[id] != nil)
        }
    }

    static func csv(_ model: Model) -> String {
        let survival = BusinessDemography.survivalYears
        let header = ["jaar", "voorraad", "geboorten", "overige_nieuwkomers", "terugkeerders", "vestigers", "vertrekkers", "opheffingen",
                      "geboortecijfer_procent", "opheffingscijfer_procent"] + survival.map { "overleving_\($0)_jaar_procent" }
        let count = { (value: Int?) in value.map(String.init) ?? "" }
        let rows = model.years.map { year -> String in
            let cohort = model.cohorts.first { $0.year == year.year }
            return ([String(year.year), String(year.stock), count(year.births), count(year.otherEntries), count(year.returns), count(year.arrivals),
                     count(year.departures), count(year.closures), CSVField.decimal(year.birthRate.map { $0 * 100 }), CSVField.decimal(year.closureRate.map { $0 * 100 })]
                    + survival.map { CSVField.decimal(cohort?.survivalRate(after: $0).map { $0 * 100 }) }).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }
}
