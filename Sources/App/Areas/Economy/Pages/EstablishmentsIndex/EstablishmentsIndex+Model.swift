import Analysis
import Fluent
import Foundation
import Vapor

/// The records behind a figure: the establishments (or enterprises, their establishments in the
/// area taken together) of an area and year, narrowed by SBI section or code, size class or
/// postcode area; paged and sortable, with a CSV download of all of them.
enum EstablishmentsIndex {
    /// What the list is narrowed to; every part is in the URL, so a figure links to its records.
    struct Filter: Sendable, Hashable {
        var area: String
        var year: Int
        /// SBI section letters or codes of 1-5 digits (written without dots); empty for all.
        var sbi: [String] = []
        var sizeClass: RegisterPanel.SizeClass? = nil
        /// A four-digit postcode area; nil for all.
        var postcode: String? = nil
        /// One enterprise's establishments; nil for all.
        var kvk: String? = nil
        /// A cluster's key: its establishments, with its added and excluded organisations; nil for all.
        var cluster: String? = nil
        var unit: RegisterPanel.Unit = .establishment

        var parameters: [(String, String?)] {
            [("gebied", area), ("jaar", String(year)), ("sbi", sbi.isEmpty ? nil : sbi.joined(separator: ",")), ("grootte", sizeClass?.rawValue), ("postcode", postcode), ("kvk", kvk),
             ("cluster", cluster), ("eenheid", unit == .enterprise ? unit.rawValue : nil)]
        }

        /// `sbi=`: section letters and codes as the pages print them (`47.91`) or without dots,
        /// several separated by commas or spaces.
        static func sbiCodes(_ text: String) throws -> [String] {
            try text.uppercased().split(whereSeparator: { $0 == "," || $0 == " " }).map { part in
                let code = SBI.digits(of: String(part))
                guard SBI.sections.contains(code) || (code.allSatisfy(\.isNumber) && (1...5).contains(code.count)) else {
                    throw Abort(.badRequest, reason: localized("'\(part.prefix(20))' is geen SBI-sectie (A-U) of SBI-code (cijfers, zoals 47.91).",
                                                               "'\(part.prefix(20))' is not an SBI section (A-U) or SBI code (digits, such as 47.91)."))
                }
                return code
            }
        }

        /// Reads the filter from the URL; a bad part is refused with what to give instead.
        static func parse(_ request: Request, defaultArea: String) throws -> Filter {
            guard let year = try request.integer("jaar", in: QueryLimit.year) else {
                throw Abort(.badRequest, reason: localized("Geef een jaar, bijvoorbeeld jaar=2019.", "Give a year, for example jaar=2019."))
            }
            // The area's canonical code, so that a region key in capitals and `0193` share the cached list.
            var filter = Filter(area: try MonitorSelection.area(request.queryText("gebied") ?? defaultArea, region: request.application.config.region).code, year: year)
            filter.sbi = try sbiCodes(request.queryText("sbi") ?? "")
            filter.sizeClass = try request.choice("grootte", as: RegisterPanel.SizeClass.self)
            if let postcode = request.queryText("postcode") {
                guard postcode.count == 4, postcode.allSatisfy(\.isNumber) else {
                    throw Abort(.badRequest, reason: localized("'\(postcode)' is geen postcodegebied; geef vier cijfers, zoals 8011.",
                                                               "'\(postcode)' is not a postcode area; give four digits, such as 8011."))
                }
                filter.postcode = postcode
            }
            if let kvk = request.queryText("kvk") {
                guard kvk.count == 8, kvk.allSatisfy(\.isNumber) else {
                    throw Abort(.badRequest, reason: localized("'\(kvk)' is geen KvK-nummer; dat heeft acht cijfers.",
                                                               "'\(kvk)' is not a KvK number; it has eight digits."))
                }
                filter.kvk = kvk
            }
            if let cluster = request.queryText("cluster"), !cluster.isEmpty {
                filter.cluster = String(cluster.lowercased().prefix(40))
            }
            if let unit = try request.choice("eenheid", as: RegisterPanel.Unit.self) { filter.unit = unit }
            return filter
        }
    }

    /// One establishment, or one enterprise with its establishments in the area.
    struct Row: Sendable, Equatable {
        /// The establishment number, or the KvK number of an enterprise.
        let id: String
        let kvk: String
        let name: String
        let sbi: String
        let municipality: String
        let postcode: String
        let establishments: Int
        let jobs: Int
    }

    enum Order: String, CaseIterable, Sendable {
        case banen, naam, sbi

        var label: String {
            switch self {
            case .banen: localized("banen", "jobs")
            case .naam: localized("naam", "name")
            case .sbi: "SBI"
            }
        }
    }

    struct Model: Sendable, Equatable {
        let filter: Filter
        let areaName: String
        let order: Order
        let page: Int
        let total: Int
        let jobs: Int
        let rows: [Row]
        let isDemo: Bool
        /// The organisation in Relaties of a row (by the row's id), where there is one.
        var organisations: [String: UUID] = [:]
        var municipalityNames: [String: String] = [:]
        /// For the filter controls: the areas and the years there are.
        var areas: [MonitorSelection.Choice] = []
        var years: [Int] = []
        /// The name of the filter's cluster.
        var clusterName: String? = nil
        static let pageSize = 50

        var pages: Int { max(1, (total + Self.pageSize - 1) / Self.pageSize) }
        var units: String {
            filter.unit == .enterprise ? localized("Ondernemingen", "Enterprises") : localized("Vestigingen", "Establishments")
        }

        /// "1 vestiging", "3 vestigingen".
        var count: String {
            let noun = switch (filter.unit, total == 1) {
            case (.enterprise, true): localized("onderneming", "enterprise")
            case (.enterprise, false): localized("ondernemingen", "enterprises")
            case (.establishment, true): localized("vestiging", "establishment")
            case (.establishment, false): localized("vestigingen", "establishments")
            }
            return "\(Format.integer(total)) \(noun)"
        }

        var title: String {
            [units, filter.sbi.isEmpty ? nil : "SBI " + filter.sbi.map(SBI.dotted).joined(separator: ", "), filter.sizeClass.map { localized("met \($0.rawValue) banen", "with \($0.rawValue) jobs") },
             filter.postcode.map { "postcode \($0)" }, filter.kvk.map { localized("van KvK \($0)", "of KvK \($0)") },
             clusterName.map { localized("in het cluster \($0)", "in the cluster \($0)") }]
                .compactMap { $0 }.joined(separator: " ") + ", \(areaName) \(filter.year)"
        }
    }

    /// The link to the records behind a figure.
    static func link(_ filter: Filter, order: Order? = nil, page: Int? = nil, csv: Bool = false) -> String {
        SiteURL.establishments.with(filter.parameters + [("sorteer", order?.rawValue), ("pagina", page.map(String.init)), ("formaat", csv ? "csv" : nil)])
    }

    /// The establishments of an area in a year, of an SBI section or code (nil: all).
    static func link(area: String, year: Int, sbi: String? = nil) -> String {
        link(Filter(area: area, year: year, sbi: sbi.map { [SBI.digits(of: $0)] } ?? []))
    }

    /// All rows of the filter, in the chosen order.
    /// One page of the (cached) rows; a page past the last shows the last.
    /// `areas` and `years` are what the filter controls offer; the organisations in Relaties are
    /// looked up for the rows of the page only (two queries).
    static func query(_ rows: [Row], filter: Filter, areaName: String, order: Order, page requested: Int,
                      areas: [MonitorSelection.Choice], years: [Int], clusterName: String?, on database: Database) async throws -> Model {
        let pages = max(1, (rows.count + Model.pageSize - 1) / Model.pageSize)
        let page = min(requested, pages)
        let shown = Array(rows.dropFirst((page - 1) * Model.pageSize).prefix(Model.pageSize))
        let found = try await OrganisationService.organisations(kvk: shown.map(\.kvk), establishments: filter.unit == .establishment ? shown.map(\.id) : [], on: database)
        var organisations: [String: UUID] = [:]
        for row in shown {
            organisations[row.id] = found.byKvK[row.kvk] ?? found.byEstablishment[row.id]
        }
        return Model(filter: filter, areaName: areaName, order: order, page: page, total: rows.count, jobs: rows.map(\.jobs).reduce(0, +),
                     rows: shown, isDemo: try await Setting.isDemo(on: database), organisations: organisations,
                     municipalityNames: try ReferenceData.shared.get().municipalityNames,
                     areas: areas, years: years, clusterName: clusterName)
    }

    /// `cluster`: the definition of the filter's cluster.
    static func rows(_ filter: Filter, municipalities: [String], cluster: ClusterDefinition?, order: Order, on database: Database) async throws -> [Row] {
        let records = try await RegisterStore(database).records(municipalities: municipalities, years: filter.year...filter.year)
            .filter { record in
                (filter.kvk.map { record.kvkNumber == $0 } ?? true)
                    && (cluster.map { $0.includes(enterprise: Int64(record.kvkNumber) ?? -1, establishment: Int64(record.establishmentNumber) ?? -1,
                                                  covered: $0.covers(sbi: record.sbi)) } ?? true)
                    && (filter.sbi.isEmpty || filter.sbi.contains { SBI.sections.contains($0) ? SBI.section(of: record.sbi) == $0 : SBI.code(record.sbi, isUnder: $0) })
            }
        let units: [Row] = switch filter.unit {
        case .establishment:
            records.map {
                Row(id: $0.establishmentNumber, kvk: $0.kvkNumber, name: $0.name, sbi: $0.sbi, municipality: $0.municipality,
                    postcode: $0.postcode, establishments: 1, jobs: $0.jobs)
            }
        case .enterprise:
            Dictionary(grouping: records, by: \.kvkNumber).map { kvk, establishments in
                // An enterprise is shown with the name, SBI code and place of its main establishment.
                let main = RegisterRecord.main(of: establishments)!
                return Row(id: kvk, kvk: kvk, name: main.name, sbi: main.sbi, municipality: main.municipality, postcode: main.postcode,
                           establishments: establishments.count, jobs: establishments.map(\.jobs).reduce(0, +))
            }
        }
        let rows = units.filter { row in
            (filter.sizeClass.map { RegisterPanel.SizeClass(jobs: row.jobs) == $0 } ?? true)
                && (filter.postcode.map { row.postcode.hasPrefix($0) } ?? true)
        }
        switch order {
        case .banen: return rows.sorted { ($0.jobs, $1.name, $1.id) > ($1.jobs, $0.name, $0.id) }
        case .naam: return rows.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        case .sbi: return rows.sorted { ($0.sbi, $0.name, $0.id) < ($1.sbi, $1.name, $1.id) }
        }
    }

    static func csv(_ rows: [Row], unit: RegisterPanel.Unit) -> String {
        let header = unit == .enterprise ? "kvk_nummer,naam,sbi,gemeente,postcode,vestigingen,banen" : "vestigingsnummer,kvk_nummer,naam,sbi,gemeente,postcode,banen"
        return ([header] + rows.map {
            (unit == .enterprise
                ? [$0.kvk, CSVCell.text($0.name), $0.sbi, $0.municipality, $0.postcode, String($0.establishments), String($0.jobs)]
                : [$0.id, $0.kvk, CSVCell.text($0.name), $0.sbi, $0.municipality, $0.postcode, String($0.jobs)]).joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
