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
        var clusters: [Cluster]?
        if let key = parameters[.cluster], !key.isEmpty { clusters = try await self.clusters(key) }
        let registerYear = { () throws -> Int in
            let years = self.panel.years(in: area)
            guard let last = years.last else { throw InvalidFields("area", localized("er zijn geen registergegevens voor \(code)", "there is no register data for \(code)")) }
            guard let text = parameters[.year] else {
                // On a day: the latest register year up to that day's year.
                guard let year = years.last(where: { $0 <= self.today.year }) else {
                    throw InvalidFields("date", localized("er zijn geen registergegevens van \(self.today.year) of eerder", "there is no register data of \(self.today.year) or earlier"))
                }
                return year
            }
            guard let year = Int(text), years.contains(year) else {
                throw InvalidFields("year", localized("'\(text.prefix(10))' is geen jaar met registergegevens (\(years.first!)-\(last))",
                                                      "'\(text.prefix(10))' is not a year with register data (\(years.first!)-\(last))"))
            }
            return year
        }
        let clusterFigures = { (year: Int) async throws -> ClusterFigures in
            let register = try await ClusterRegister.load(area: code, municipalities: municipalities, from: year, to: year, panel: self.panel,
                                                          cache: self.cache, generation: self.generation, on: self.database)
            guard let clusters, clusters.count == 1, let figures = register.figures[try clusters[0].requireID()] else {
                throw InvalidFields("cluster", localized("kies één cluster", "choose one cluster"))
            }
            return figures
        }
        let clusterIDs = try clusters?.map { try $0.requireID() }
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
            if let clusterIDs {
                let register = try await ClusterRegister.load(area: code, municipalities: municipalities, from: year, to: year, panel: self.panel,
                                                              cache: self.cache, generation: self.generation, on: self.database)
                let inClusters = Set(clusterIDs.flatMap { register.figures[$0]?.jobsByEnterprise.keys.map { $0 } ?? [] })
                units = units.filter { Int64($0.id).map { inClusters.contains($0) } ?? false }
            }
            return IndicatorValue(value: Double(units.count), asOf: String(year), evidence: units.map(\.id).sorted().map {
                .init(id: $0, label: "KvK \($0)", link: SiteURL.enterprise.path($0))
            })
        case .activeInvolvement, .universityCollaboration:
            let rule = try await EngagementService.Rule.current(on: database)
            let involvement = try await EngagementService(database: database, actor: .system).involvement(in: clusterIDs ?? [], today: today, rule: rule)
            // Across several clusters (`growth`) an organisation counts once.
            var seen = Set<UUID>()
            var rows = involvement.values.flatMap { $0 }.sorted { $0.organisation.name < $1.organisation.name }.filter { seen.insert($0.organisation.id).inserted }
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
            if let clusterIDs {
                query = query.filter(\Acquisition.$cluster.$id ~~ clusterIDs)
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
        case .sectionJobs:
            let year = try registerYear()
            let section = try self.section(parameters)!
            return IndicatorValue(value: Double(panel.jobsBySection(in: area, year: year)[section] ?? 0), asOf: String(year), evidence: [])
        case .jobsGrowth:
            let year = try registerYear()
            let years = panel.years(in: area)
            var from = years.contains(year - 10) ? year - 10 : years.first!
            if let text = parameters[.from] {
                guard let chosen = Int(text), years.contains(chosen), chosen < year else {
                    throw InvalidFields("from", localized("'\(text.prefix(10))' is geen registerjaar vóór \(year)", "'\(text.prefix(10))' is not a register year before \(year)"))
                }
                from = chosen
            }
            let jobs = { (year: Int) async throws -> Int in
                if let section = try self.section(parameters) { return self.panel.jobsBySection(in: area, year: year)[section] ?? 0 }
                if clusterIDs != nil { return try await clusterFigures(year).jobs }
                return self.panel.jobs(in: area, year: year)
            }
            guard let growth = Change(from: try await jobs(from), to: try await jobs(year)).relative else {
                throw InvalidFields("from", localized("er waren geen banen in \(from) om groei tegen te meten", "there were no jobs in \(from) to measure growth against"))
            }
            return IndicatorValue(value: growth * 100, asOf: "\(from)-\(year)", evidence: [])
        case .locationQuotient:
            let year = try registerYear()
            let quotient: Double?
            if let section = try self.section(parameters) {
                let national = try await RegisterStore(database).nationalJobs(year: year).jobs
                quotient = SpecialisationPage.sectionQuotients(jobs: panel.jobsBySection(in: area, year: year), national: national)[section]
            } else if clusterIDs != nil {
                let figures = try await clusterFigures(year)
                guard let value = figures.locationQuotient else {
                    throw InvalidFields("cluster", figures.locationQuotientGap ?? localized("geen banen om te vergelijken", "no jobs to compare"))
                }
                quotient = value
            } else {
                throw InvalidFields("section", localized("kies een sectie of een cluster", "choose a section or a cluster"))
            }
            guard let quotient else {
                throw InvalidFields("year", localized("er zijn geen landelijke banen om mee te vergelijken in \(year)", "there are no national jobs to compare with in \(year)"))
            }
            return IndicatorValue(value: quotient, asOf: String(year), evidence: [])
        case .largeEnterpriseShare:
            let year = try registerYear()
            return IndicatorValue(value: panel.shareOfJobsInEnterprises(withAtLeast: 250, in: area, year: year) * 100, asOf: String(year), evidence: [])
        case .openQuestions, .questionHandlingDays:
            let end = today.endOfDay
            let received = try await Question.query(on: database).filter(\.$receivedAt < end).all()
            if indicator.id == .questionHandlingDays {
                guard let median = QuestionService.times("", received, until: end).medianDaysToAnswer else {
                    throw InvalidFields("date", localized("er is op \(today.text) nog geen vraag beantwoord", "no question had been answered by \(today.text)"))
                }
                return IndicatorValue(value: median, asOf: today.text, evidence: [])
            }
            // Open on the day: not answered and not closed by then (today: by the question's status).
            let open = received.filter { question in
                today == .today ? [.new, .inProgress].contains(question.status)
                    : (question.firstAnsweredAt.map { $0 >= end } ?? true) && (question.closedAt.map { $0 >= end } ?? true)
            }.sorted { $0.receivedAt < $1.receivedAt }
            return IndicatorValue(value: Double(open.count), asOf: today.text, evidence: open.compactMap { question in
                question.id.map { .init(id: $0.uuidString, label: localized("Vraag van ", "Question of ") + CalendarDay(question.receivedAt).text, link: SiteURL.question.path($0)) }
            })
        case .manual:
            let series = parameters[.series]!.lowercased()
            guard let latest = try await ManualValue.query(on: database).filter(\.$series == series).filter(\.$date <= today.text)
                .sort(\.$date, .descending).first() else {
                throw InvalidFields("series", localized("'\(series)' heeft geen waarde op of vóór \(today.text)", "'\(series)' has no value on or before \(today.text)"))
            }
            return IndicatorValue(value: latest.value, asOf: latest.date, evidence: [
                .init(id: try latest.requireID().uuidString, label: "\(latest.name) (\(latest.date))", link: SiteURL.manualValues.with([("reeks", series)])),
            ])
        case .visitCoverage:
            let year = try registerYear()
            let (share, _) = ClusterOverview.visitCoverage(try await clusterFigures(year), met: try await ClusterOverview.metEnterprises(today: today, on: database))
            guard let share else { throw InvalidFields("cluster", localized("het cluster heeft geen banen in \(code) in \(year)", "the cluster has no jobs in \(code) in \(year)")) }
            return IndicatorValue(value: share * 100, asOf: String(year), evidence: [])
        }
    }

    /// The `section` parameter's letter, when given.
    private func section(_ parameters: [Indicator.Parameter: String]) throws -> String? {
        guard let text = parameters[.section] else { return nil }
        guard SBI.sections.contains(text.uppercased()) else {
            throw InvalidFields("section", localized("'\(text.prefix(10))' is geen SBI-sectie; kies een letter van A tot en met U", "'\(text.prefix(10))' is not an SBI section; pick a letter from A to U"))
        }
        return text.uppercased()
    }

    /// Reads an indicator's parameters by name (from a query string, a goal's form or the API),
    /// refusing a name the indicator does not have and a value that names nothing: an area that
    /// is no municipality or the region, an unknown cluster, a definition other than oecd or
    /// eu2014, a year or day that is none. Problems are reported under the parameter's name.
    static func checked(_ given: [String: String], of indicator: Indicator, config: AppConfig, on database: Database) async throws -> [Indicator.Parameter: String] {
        var check = FieldCheck()
        var result: [Indicator.Parameter: String] = [:]
        for (name, raw) in given.sorted(by: { $0.key < $1.key }) {
            let value = String(raw.trimmingCharacters(in: .whitespaces).prefix(60))
            guard !value.isEmpty else { continue }
            guard let parameter = Indicator.Parameter(rawValue: name.lowercased()), indicator.parameters.contains(parameter) else {
                check.report(String(name.prefix(30)), localized("\(indicator.id.rawValue) kent de parameter '\(name.prefix(30))' niet; wel: \(indicator.parameters.map(\.rawValue).joined(separator: ", "))",
                                                        "\(indicator.id.rawValue) has no parameter '\(name.prefix(30))'; it has: \(indicator.parameters.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            switch parameter {
            case .area:
                if (try? MonitorSelection.area(value, region: config.region)) == nil {
                    check.report("area", localized("'\(value)' is geen gemeente (GM en vier cijfers) of \(config.region.key)",
                                                   "'\(value)' is not a municipality (GM and four digits) or \(config.region.key)"))
                }
            case .cluster:
                let keys = Set(try await ClusterService.all(archived: true, on: database).map(\.key))
                if value.lowercased() == Indicator.growthClusters, !Indicator.acceptsGrowthClusters.contains(indicator.id) {
                    check.report("cluster", localized("\(indicator.id.rawValue) meet één cluster; kies een van \(keys.sorted().joined(separator: ", "))",
                                                      "\(indicator.id.rawValue) measures one cluster; pick one of \(keys.sorted().joined(separator: ", "))"))
                } else if value.lowercased() != Indicator.growthClusters, !keys.contains(value.lowercased()) {
                    check.report("cluster", localized("'\(value)' is geen cluster; kies \(keys.sorted().joined(separator: ", ")) of \(Indicator.growthClusters)",
                                                      "'\(value)' is not a cluster; pick \(keys.sorted().joined(separator: ", ")) or \(Indicator.growthClusters)"))
                }
            case .year:
                if Int(value).map({ !(1990...2100).contains($0) }) ?? true {
                    check.report("year", localized("'\(value)' is geen jaar", "'\(value)' is not a year"))
                }
            case .definition:
                if !["oecd", "eu2014"].contains(value.lowercased()) {
                    check.report("definition", localized("'\(value)' kan niet; kies oecd of eu2014", "'\(value)' is not allowed; pick oecd or eu2014"))
                }
            case .since:
                if CalendarDay(value) == nil {
                    check.report("since", localized("'\(value)' is geen datum als 2025-03-14", "'\(value)' is not a date like 2025-03-14"))
                }
            case .from:
                if Int(value).map({ !(1990...2100).contains($0) }) ?? true {
                    check.report("from", localized("'\(value)' is geen jaar", "'\(value)' is not a year"))
                }
            case .section:
                if !SBI.sections.contains(value.uppercased()) {
                    check.report("section", localized("'\(value)' is geen SBI-sectie; kies een letter van A tot en met U", "'\(value)' is not an SBI section; pick a letter from A to U"))
                }
            case .series:
                if try await ManualValue.query(on: database).filter(\.$series == value.lowercased()).count() == 0 {
                    check.report("series", localized("'\(value)' is geen reeks met handmatige waarden", "'\(value)' is not a series of manual values"))
                }
            }
            result[parameter] = parameter == .area ? value : parameter == .section ? value.uppercased() : value.lowercased()
        }
        try check.throwIfAny()
        return result
    }

    /// The clusters a `cluster` parameter names: one by its key (archived ones too: a goal may
    /// look back), or every growth cluster in use for `growth`.
    private func clusters(_ key: String) async throws -> [Cluster] {
        let all = try await ClusterService.all(archived: true, on: database)
        if key.lowercased() == Indicator.growthClusters { return all.filter { $0.isGrowthCluster && $0.archivedOn == nil } }
        guard let found = all.first(where: { $0.key == key.lowercased() }) else {
            throw InvalidFields("cluster", localized("'\(key.prefix(40))' is geen cluster", "'\(key.prefix(40))' is not a cluster"))
        }
        return [found]
    }
}
