import Analysis
import Fluent
import Foundation
import SQLKit
import Vapor

/// The council report: the strategy's progress on a reporting date, for the council and partners.
/// Every part is gathered from the page models and the indicator catalogue the pages use, for
/// that date, so a figure in the report is the figure on its page.
enum CouncilReport {
    /// What a report is made for: the reporting date, the area of the economy chapter and the language.
    struct Options: Sendable, Equatable {
        let date: CalendarDay
        let area: String
        let language: Language

        /// Reads and checks the three choices as a form, the API and the command line give them;
        /// a bad one is refused naming its field.
        static func parse(date: String?, area: String?, language: String?, config: AppConfig) throws -> Options {
            var check = FieldCheck()
            let day = check.requiredDate("date", date).flatMap(CalendarDay.init)
            if let day, day > .today {
                check.report("date", localized("\(day.text) ligt in de toekomst; kies vandaag of eerder", "\(day.text) is in the future; pick today or earlier"))
            }
            let areaText = (area ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? config.area : area!.trimmingCharacters(in: .whitespaces)
            var code = areaText
            do { code = try MonitorSelection.area(areaText, region: config.region).code } catch {
                check.report("area", localized("'\(areaText.prefix(20))' is geen gemeente van de regio of de regio zelf; kies een CBS-code (GM en vier cijfers) of \(config.region.key)",
                                               "'\(areaText.prefix(20))' is not a municipality or the region; pick a CBS code (GM and four digits) or \(config.region.key)"))
            }
            let languageText = (language ?? "").isEmpty ? Language.dutch.rawValue : language!.lowercased()
            let chosen = Language(rawValue: languageText)
            if chosen == nil { check.report("language", localized("kies nl of en", "pick nl or en")) }
            try check.throwIfAny()
            return Options(date: day!, area: code, language: chosen!)
        }
    }

    struct Model: Sendable {
        let options: Options
        let areaName: String
        let isDemo: Bool
        let madeAt: Date
        let economy: Economy
        let goals: Goals
        let clusters: [ClusterRow]
        let programme: Programme
        let futures: Futures
        let relations: Relations
        /// The definitions of the indicators the goals use, for the appendix.
        let indicators: [Indicator]
        let sources: [String]
    }

    /// The economy of the area in the register year of the reporting date, against ten years before.
    struct Economy: Sendable {
        let selection: MonitorSelection
        let overview: Overview.Model
        let sectors: Sectors.Model
        let specialisation: SpecialisationPage.Model
        let fastGrowers: FastGrowers.Model
        let region: RegionPage.Model

        var first: Overview.Year? { overview.years.first }
        var last: Overview.Year? { overview.years.last }
    }

    struct Goals: Sendable {
        /// The measurements of the reporting date: frozen when the date was frozen, else measured now.
        let measurements: [GoalMeasurement]
        let isFrozen: Bool
        /// Each goal's earlier frozen values (the goal as a whole), by goal, oldest first.
        let history: [UUID: [(date: CalendarDay, value: Double)]]

        /// The goals as a whole (one row each), and their rows per growth cluster.
        var goals: [GoalMeasurement] { measurements.filter { $0.rowKey.isEmpty } }
        func rows(of goal: GoalMeasurement) -> [GoalMeasurement] { measurements.filter { $0.goalID == goal.goalID && !$0.rowKey.isEmpty } }
        var counts: [(GoalProgress.Status?, Int)] {
            (GoalProgress.Status.allCases.map { Optional($0) } + [nil]).map { status in (status, goals.filter { $0.status == status }.count) }.filter { $0.1 > 0 }
        }
    }

    struct ClusterRow: Sendable {
        let name: String
        let isGrowthCluster: Bool
        let figures: ClusterFigures
        let involved: Int
        let keyPlayers: [String]
    }

    struct Programme: Sendable {
        let ranking: [ProgrammeRanking.Row]
        let topsisRanks: [UUID: Int]
        let byPhase: [(Project.Phase, Int)]
        let unscored: [ProgrammeRanking.Left]
        let decisions: [(date: String, project: String, decision: String)]
        /// The reporting date of the previous frozen report (decisions are listed since then).
        let since: String?
    }

    struct Futures: Sendable {
        let matrix: RobustnessMatrix
        let signposts: [Signpost]
        let alerts: [SignpostAlert]
    }

    struct Relations: Sendable {
        /// Contact moments in the twelve months up to the reporting date, by kind.
        let contactMoments: [(ContactMoment.Kind, Int)]
        let organisationsContacted: Int
        let questionsReceived: Int
        let openQuestions: Int
        let handling: QuestionService.Overview.Times
        let acquisitions: [(Acquisition.Stage, Int)]
    }

    /// Everything the report shows for `options`. The goals come from the measurements frozen on
    /// the date when it was frozen, else they are measured as the goals page would on that date.
    /// `freezing`: the report is being frozen, so goals not frozen yet are measured to be stored
    /// with it (by `actor`), and the report says they are frozen.
    static func query(_ options: Options, application: Application, on database: Database, freezing actor: Audit.Actor? = nil) async throws -> Model {
        let catalogue = try await IndicatorCatalogue.on(options.date, application: application, database: database)
        let economy = try await economy(options, catalogue: catalogue, on: database)
        let frozen = try await GoalSnapshots.measurements(on: options.date.text, in: database)
        let measurements = frozen.isEmpty ? try await GoalSnapshots(database: database, actor: actor ?? .system).measure(catalogue: catalogue) : frozen
        var history: [UUID: [(date: CalendarDay, value: Double)]] = [:]
        for goal in Set(measurements.map(\.goalID)) {
            history[goal] = try await GoalSnapshots.history(of: goal, on: database).compactMap { m in
                guard m.reportingDate < options.date.text, let day = CalendarDay(m.reportingDate), let value = m.value else { return nil }
                return (day, value)
            }
        }
        let indicatorIDs = Set(measurements.map(\.indicator))
        return Model(
            options: options, areaName: economy.selection.name, isDemo: try await Setting.isDemo(on: database), madeAt: Date(),
            economy: economy,
            goals: Goals(measurements: measurements, isFrozen: !frozen.isEmpty || actor != nil, history: history),
            clusters: try await clusters(economy.selection, catalogue: catalogue, on: database),
            programme: try await programme(options, on: database),
            futures: try await futures(options, on: database),
            relations: try await relations(options, catalogue: catalogue, on: database),
            indicators: Indicator.all.filter { indicatorIDs.contains($0.id.rawValue) },
            sources: try await sources(catalogue: catalogue, economy: economy, on: database))
    }

    /// The monitor pages' models for the register year of the date (the latest on or before it)
    /// and up to ten years before, as the pages show them by default.
    private static func economy(_ options: Options, catalogue: IndicatorCatalogue, on database: Database) async throws -> Economy {
        let config = catalogue.config
        let (code, name, municipalities) = try MonitorSelection.area(options.area, region: config.region)
        let years = catalogue.panel.years(in: Area(municipalities: Set(municipalities)))
        guard let to = years.last(where: { $0 <= options.date.year }), let first = years.first else {
            throw InvalidFields("date", years.isEmpty
                ? localized("er is nog geen vestigingenregister voor \(name); importeer eerst gegevens", "there is no register for \(name) yet; import data first")
                : localized("\(options.date.text) ligt vóór de eerste registergegevens (\(years[0]))", "\(options.date.text) is before the first register data (\(years[0]))"))
        }
        // As the pages: ten years back, or the first register year after that when there is a gap.
        let from = years.first { $0 >= max(first, to - 10) } ?? first
        let selection = MonitorSelection(area: code, name: name, municipalities: municipalities, from: from, to: to, years: years)
        let panel = catalogue.panel
        let city = code == config.region.key ? config.area : code
        return Economy(
            selection: selection,
            overview: try await Overview.query(selection, panel: panel, on: database),
            sectors: try await Sectors.query(selection, section: nil, panel: panel, on: database),
            specialisation: try await SpecialisationPage.query(selection, section: nil, panel: panel, on: database),
            fastGrowers: try await FastGrowers.query(selection.with(from: to - 3, to: to), definition: .oecd, panel: panel, on: database),
            region: try await RegionPage.query(city: city, region: config.region, selection: selection, panel: panel, on: database))
    }

    /// The clusters' register figures for the register year, involvement on the date and the key players.
    private static func clusters(_ selection: MonitorSelection, catalogue: IndicatorCatalogue, on database: Database) async throws -> [ClusterRow] {
        let register = try await ClusterRegister.load(area: selection.area, municipalities: selection.municipalities, from: selection.from, to: selection.to,
                                                      panel: catalogue.panel, cache: catalogue.cache, generation: catalogue.generation, on: database)
        let clusters = try await ClusterService.all(on: database)
        let rule = try await EngagementService.Rule.current(on: database)
        let involvement = try await EngagementService(database: database, actor: .system)
            .involvement(in: clusters.compactMap(\.id), today: catalogue.today, rule: rule)
        let sources = try await ClusterNetwork.Sources.load(today: catalogue.today, on: database)
        var rows: [ClusterRow] = []
        for cluster in clusters {
            let id = try cluster.requireID()
            guard let figures = register.figures[id] else { continue }
            let network = try await ClusterNetwork.build(cluster: id, figures: figures, register: register, sources: sources, today: catalogue.today, on: database)
            rows.append(ClusterRow(name: cluster.name, isGrowthCluster: cluster.isGrowthCluster, figures: figures, involved: involvement[id]?.count ?? 0,
                                   keyPlayers: network.keyPlayers.prefix(5).map(\.organisation.name)))
        }
        return rows
    }

    private static func programme(_ options: Options, on database: Database) async throws -> Programme {
        let ranking = try await ProgrammeRanking.load(weights: try await ProgrammeWeights.current(on: database), on: database)
        let topsis = Dictionary(uniqueKeysWithValues: ranking.rows(.topsis).map { ($0.candidate.id, $0.rank) })
        let projects = try await Project.query(on: database).all()
        let since = try await FrozenReport.query(on: database).filter(\.$reportingDate < options.date.text).sort(\.$reportingDate, .descending).first()?.reportingDate
        var decisions = Decision.query(on: database).with(\.$project).filter(\.$date <= options.date.text)
        if let since { decisions = decisions.filter(\.$date > since) }
        return Programme(
            ranking: ranking.rows(.wsm), topsisRanks: topsis,
            byPhase: Project.Phase.allCases.map { phase in (phase, projects.filter { $0.phase == phase }.count) }.filter { $0.1 > 0 },
            unscored: ranking.left,
            decisions: try await decisions.sort(\.$date).all().map { ($0.date, $0.project?.name ?? "–", $0.decision) },
            since: since)
    }

    private static func futures(_ options: Options, on database: Database) async throws -> Futures {
        let end = options.date.endOfDay
        return Futures(
            matrix: try await RobustnessMatrix.load(settings: try await FuturesSettings.current(on: database), on: database),
            signposts: try await Signpost.query(on: database).sort(\.$name).all(),
            alerts: try await SignpostAlert.query(on: database).filter(\.$raisedAt < end).sort(\.$raisedAt, .descending).all())
    }

    /// Counts only: the relations register's people never appear in the report.
    private static func relations(_ options: Options, catalogue: IndicatorCatalogue, on database: Database) async throws -> Relations {
        let day = options.date.text, yearAgo = options.date.monthsEarlier(12).text
        let moments = try await ContactMoment.query(on: database).filter(\.$date > yearAgo).filter(\.$date <= day).all()
        let sql = database as! any SQLDatabase
        let contacted = try await sql.select().column(SQLFunction("COUNT", args: SQLDistinct(SQLColumn("organisation_id"))), as: "n")
            .from("contact_moment_organisations").join("contact_moments", on: SQLColumn("contact_moment_id"), .equal, SQLColumn("id", table: "contact_moments"))
            .where(SQLColumn("date", table: "contact_moments"), .greaterThan, SQLBind(yearAgo)).where(SQLColumn("date", table: "contact_moments"), .lessThanOrEqual, SQLBind(day))
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let end = options.date.endOfDay
        let received = try await Question.query(on: database).filter(\.$receivedAt < end).all()
        let open = try await catalogue.value(of: Indicator.find(Indicator.ID.openQuestions.rawValue)!, parameters: [:])
        let acquisitions = try await Acquisition.query(on: database).all()
        return Relations(
            contactMoments: ContactMoment.Kind.allCases.map { kind in (kind, moments.filter { $0.kind == kind }.count) },
            organisationsContacted: contacted,
            questionsReceived: received.filter { $0.receivedAt >= options.date.monthsEarlier(12).endOfDay }.count,
            openQuestions: Int(open.value),
            handling: QuestionService.times(localized("Vragen ontvangen tot en met de peildatum", "Questions received up to the reporting date"), received, until: end),
            acquisitions: Acquisition.Stage.allCases.map { stage in (stage, acquisitions.filter { $0.stage == stage }.count) })
    }

    private static func sources(catalogue: IndicatorCatalogue, economy: Economy, on database: Database) async throws -> [String] {
        let store = RegisterStore(database)
        let population = try await store.population(municipality: catalogue.config.area, year: economy.selection.to)?.source
        return [
            try await Setting.isDemo(on: database)
                ? localized("Vestigingenregister en landelijke banen: synthetische demodata, gemaakt door Vliegwiel; geen echte bedrijven.",
                            "Register of establishments and national jobs: synthetic demo data made by Vliegwiel; no real companies.")
                : localized("Vestigingenregister: geïmporteerd register van vestigingen, bewerking Vliegwiel.", "Register of establishments: imported register, processed by Vliegwiel."),
            economy.specialisation.nationalSource.map { localized("Landelijke banen per sectie: ", "National jobs per section: ") + $0 },
            population.map { localized("Inwoners: ", "Inhabitants: ") + $0 },
            localized("Referentiedata (SBI 2008, gemeenten, bevolking): CBS, CC BY 4.0.", "Reference data (SBI 2008, municipalities, population): CBS, CC BY 4.0."),
            localized("Relaties, clusteractiviteiten, programma en toekomstverkenning: het relatieregister en de invoer in Vliegwiel, alleen als aantallen.",
                      "Relations, cluster activities, programme and futures: the relations register and what was entered in Vliegwiel, as counts only."),
        ].compactMap { $0 }
    }
}
