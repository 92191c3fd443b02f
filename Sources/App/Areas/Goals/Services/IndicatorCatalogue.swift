import Analysis
import Fluent
import Foundation

/// Computes an indicator's value with its evidence: the one place goals, signposts, the report
/// and the API take these figures from. The register's figures come from the panel and the
/// clusters' `ClusterRegister`; involvement, collaboration and acquisitions from Relaties on `today`.
struct IndicatorCatalogue {
    let database: Database
    let config: AppConfig
    let panel: RegisterPanel
    let cache: ViewCache
    let generation: String
    let today: CalendarDay

    func value(of indicator: Indicator, parameters: [Indicator.Parameter: String]) async throws -> IndicatorValue {
        var check = FieldCheck()
        for parameter in indicator.required where (parameters[parameter] ?? "").isEmpty {
            check.report(parameter.rawValue, localized("is verplicht voor \(indicator.id.rawValue)", "is required for \(indicator.id.rawValue)"))
        }
        try check.throwIfAny()
        let (code, _, municipalities) = try MonitorSelection.area(parameters[.area] ?? config.area, region: config.region)
        let area = Area(municipalities: Set(municipalities))
        var cluster: Cluster?
        if let key = parameters[.cluster], !key.isEmpty { cluster = try await self.cluster(key) }
        let registerYear = { () throws -> Int in
            let years = self.panel.years(in: area)
            guard let last = years.last else { throw InvalidFields("area", localized("er zijn geen registergegevens voor \(code)", "there is no register data for \(code)")) }
            guard let text = parameters[.year] else { return last }
            guard let year = Int(text), years.contains(year) else {
                throw InvalidFields("year", localized("'\(text.prefix(10))' is geen jaar met registergegevens (\(years.first!)-\(last))",
                                                      "'\(text.prefix(10))' is not a year with register data (\(years.first!)-\(last))"))
            }
            return year
        }
        let clusterFigures = { (year: Int) async throws -> ClusterFigures in
            let register = try await ClusterRegister.load(area: code, municipalities: municipalities, from: year, to: year, panel: self.panel,
                                                          cache: self.cache, generation: self.generation, on: self.database)
            guard let cluster, let figures = register.figures[try cluster.requireID()] else { throw InvalidFields("cluster", localized("kies een cluster", "choose a cluster")) }
            return figures
        }
        switch indicator.id {
        case .jobs:
            let year = try registerYear()
            return IndicatorValue(value: Double(panel.jobs(in: area, year: year)), asOf: String(year), evidence: [])
        case .establishments:
            let year = try registerYear()
            return IndicatorValue(value: Double(panel.establishments(in: area, year: year)), asOf: String(year), evidence: [])
        case .jobsPer1000:
            let year = try registerYear()
            guard let inhabitants = try await RegisterStore(database).population(municipalities: municipalities, year: year),
                  let value = KeyFigures.jobsPerThousand(jobs: panel.jobs(in: area, year: year), inhabitants: inhabitants) else {
                throw InvalidFields("year", localized("er is geen bevolking van \(code) in \(year)", "there is no population of \(code) in \(year)"))
            }
            return IndicatorValue(value: value, asOf: String(year), evidence: [])
        case .clusterJobs:
            let year = try registerYear()
            return IndicatorValue(value: Double(try await clusterFigures(year).jobs), asOf: String(year), evidence: [])
        case .fastGrowers, .gazelles:
            let year = try registerYear()
            let rule: HighGrowth.Rule
            switch parameters[.definition]?.lowercased() ?? "oecd" {
            case "oecd": rule = .oecd
            case "eu2014": rule = .eu2014
            case let other: throw InvalidFields("definition", localized("'\(other.prefix(20))' kan niet; kies oecd of eu2014", "'\(other.prefix(20))' is not allowed; pick oecd or eu2014"))
            }
            var units = panel.highGrowthUnits(in: area, endYear: year, unit: .enterprise, rule: rule)
            if indicator.id == .gazelles { units = units.filter { HighGrowth.isGazelle($0, endYear: year, rule: rule) } }
            if cluster != nil {
                let inCluster = try await clusterFigures(year).jobsByEnterprise
                units = units.filter { Int64($0.id).map { inCluster[$0] != nil } ?? false }
            }
            return IndicatorValue(value: Double(units.count), asOf: String(year), evidence: units.map(\.id).sorted().map {
                .init(id: $0, label: "KvK \($0)", link: SiteURL.enterprise.path($0))
            })
        case .activeInvolvement, .universityCollaboration:
            let id = try cluster!.requireID()
            let rule = try await EngagementService.Rule.current(on: database)
            var rows = try await EngagementService(database: database, actor: .system).involvement(in: [id], today: today, rule: rule)[id] ?? []
            if indicator.id == .universityCollaboration {
                let levels = try await EngagementService.educationLevels(of: rows.map(\.organisation.id), on: database)
                rows = EngagementService.higherEducation(among: rows, levels: levels)
            }
            return IndicatorValue(value: Double(rows.count), asOf: today.text, evidence: rows.map {
                .init(id: $0.organisation.id.uuidString, label: $0.organisation.name, link: SiteURL.organisation.path($0.organisation.id))
            })
        case .landedAcquisitions:
            var since: String?
            if let text = parameters[.since] {
                guard CalendarDay(text) != nil else { throw InvalidFields("since", localized("'\(text.prefix(20))' is geen datum als 2025-03-14", "'\(text.prefix(20))' is not a date like 2025-03-14")) }
                since = text
            }
            var query = Acquisition.query(on: database).filter(\.$stage == .landed)
            if let cluster {
                let id = try cluster.requireID()
                query = query.filter(\Acquisition.$cluster.$id == id)
            }
            let landed = try await query.all().filter { acquisition in
                // From outside the region: an origin that is not one of its municipalities.
                acquisition.originMunicipality.map { !config.region.members.contains($0) } ?? false
                    && (since.map { day in (acquisition.decisionOn ?? "") >= day } ?? true) && (acquisition.decisionOn ?? "") <= today.text
            }
            let visible = try await AcquisitionService(database: database, actor: .system, area: config.area).visible(landed, to: nil)
            return IndicatorValue(value: Double(visible.count), asOf: today.text, evidence: visible.map {
                .init(id: $0.id.uuidString, label: $0.name, link: SiteURL.acquisition.path($0.id))
            })
        case .visitCoverage:
            let year = try registerYear()
            let (share, _) = ClusterOverview.visitCoverage(try await clusterFigures(year), met: try await ClusterOverview.metEnterprises(today: today, on: database))
            guard let share else { throw InvalidFields("cluster", localized("het cluster heeft geen banen in \(code) in \(year)", "the cluster has no jobs in \(code) in \(year)")) }
            return IndicatorValue(value: share * 100, asOf: String(year), evidence: [])
        }
    }

    /// A cluster by its key (archived ones too: a goal may look back).
    private func cluster(_ key: String) async throws -> Cluster {
        guard let found = try await ClusterService.all(archived: true, on: database).first(where: { $0.key == key.lowercased() }) else {
            throw InvalidFields("cluster", localized("'\(key.prefix(40))' is geen cluster", "'\(key.prefix(40))' is not a cluster"))
        }
        return found
    }
}
