import Analysis
import Fluent
import Vapor

/// What a monitor page is about, read from the URL so a link reproduces the view:
/// `gebied` (a municipality code or the configured region's key, such as `regio-zwolle`), `van`
/// and `tot` (years).
struct MonitorSelection: Sendable, Hashable {
    let area: String
    let name: String
    let municipalities: [String]
    let from: Int
    let to: Int
    /// The register years there are for the area, ascending (for the year pickers).
    let years: [Int]
    /// The areas a user can pick: the configured region as a whole, then its municipalities.
    var choices: [Choice] = []
    /// The start year the user chose (`van`), kept for the links to the other monitor pages also
    /// where this page shows one year or a fixed window; nil when none was chosen.
    var chosenFrom: Int? = nil

    struct Choice: Sendable, Hashable {
        let value: String
        let name: String
        /// For a region: how many municipalities it has.
        var municipalities: Int? = nil
    }

    static func choices(region: AppConfig.Region, reference: ReferenceData) -> [Choice] {
        [Choice(value: region.key, name: region.name, municipalities: region.members.count)]
            + reference.members(of: region).map { Choice(value: $0.code, name: $0.name) }
    }

    /// Reads and checks the selection; a bad one is refused with a message that says what to pick.
    /// What period a page shows.
    enum Period {
        /// `van` to `tot`.
        case range
        /// The three years ending at `tot` (the high-growth window).
        case threeYearWindow
        /// `tot` alone (then `from` equals `to`).
        case singleYear
    }

    /// The area a `gebied` value stands for: its code, name and municipalities.
    static func area(_ text: String, region: AppConfig.Region) throws -> (code: String, name: String, municipalities: [String]) {
        let reference = try ReferenceData.shared.get()
        if text.lowercased() == region.key {
            return (region.key, region.name, region.members)
        }
        guard let code = RegisterCSV.municipalityCode(text), let municipality = reference.municipalityByCode[code] else {
            throw Abort(.badRequest, reason: localized("'\(text)' is geen gemeente of gebied. Kies een CBS-gemeentecode (GM en vier cijfers), of \(region.key).",
                                                       "'\(text)' is not a municipality or area. Pick a CBS municipality code (GM and four digits), or \(region.key)."))
        }
        return (code, municipality.name, [code])
    }

    /// The query parameters a selection is read from: the pages' Dutch ones or the API's.
    struct ParameterNames: Sendable {
        let area: String, from: String, to: String

        static let page = ParameterNames(area: "gebied", from: "van", to: "tot")
        static let api = ParameterNames(area: "area", from: "from", to: "to")
    }

    /// The register years come from `panel` (the whole register, see `ViewCache.panel`).
    static func parse(_ request: Request, defaultArea: String, period: Period = .range, panel: RegisterPanel, names: ParameterNames = .page) throws -> MonitorSelection {
        let (area, name, municipalities) = try Self.area(request.queryText(names.area) ?? defaultArea, region: request.application.config.region)
        let years = panel.years(in: Area(municipalities: Set(municipalities)))
        guard let last = years.last, let first = years.first else {
            throw Abort(.notFound, reason: localized("Er zijn geen registergegevens voor \(name). Importeer een register met 'vliegwiel import register'.",
                                                     "There is no register data for \(name). Import a register with 'vliegwiel import register'."))
        }
        let to = try request.integer(names.to, in: QueryLimit.year) ?? last
        let from = switch period {
        case .range: try request.integer(names.from, in: QueryLimit.year) ?? max(first, to - 10)
        case .threeYearWindow: to - 3
        case .singleYear: to
        }
        if period == .singleYear, !years.contains(to) {
            throw Abort(.badRequest, reason: localized("Voor \(to) zijn er geen registergegevens; kies een jaar tussen \(first) en \(last).",
                                                       "There is no register data for \(to); pick a year between \(first) and \(last)."))
        }
        guard years.contains(from), years.contains(to), from < to || period == .singleYear else {
            throw Abort(.badRequest, reason: localized("De periode \(from)-\(to) kan niet: kies twee verschillende jaren tussen \(first) en \(last), het eerste vóór het tweede.",
                                                       "The period \(from)-\(to) is not possible: pick two different years between \(first) and \(last), the first before the second."))
        }
        let chosen = try request.integer(names.from, in: QueryLimit.year).flatMap { years.contains($0) && $0 < to ? $0 : nil }
        return MonitorSelection(area: area, name: name, municipalities: municipalities, from: from, to: to, years: years,
                                choices: choices(region: request.application.config.region, reference: try ReferenceData.shared.get()),
                                chosenFrom: period == .range ? from : chosen)
    }

    /// The same area over another period.
    func with(from: Int, to: Int) -> MonitorSelection {
        MonitorSelection(area: area, name: name, municipalities: municipalities, from: from, to: to, years: years, choices: choices, chosenFrom: chosenFrom)
    }

    /// The query string that takes this selection to another monitor page: the area, the end
    /// year and the chosen start year.
    var kept: String {
        SiteURL.queryString([("gebied", area)] + (chosenFrom.map { [("van", String($0))] } ?? []) + [("tot", String(to))])
    }

    /// The query string of this selection, with extra parameters.
    func query(_ extra: [String: String] = [:]) -> String {
        Self.query(area: area, from: from, to: to, extra)
    }

    /// The query string of a selection by its parts.
    static func query(area: String, from: Int, to: Int, _ extra: [String: String] = [:]) -> String {
        SiteURL.queryString([("gebied", area), ("van", String(from)), ("tot", String(to))] + extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}
