import Analysis
import Fluent
import Foundation
import Plot
import Vapor

/// Economie > Regio: the city against the rest of Regio Zwolle and the Netherlands (jobs growth,
/// fast growers, jobs per 1,000 inhabitants), with a map of the 22 municipalities.
enum RegionPage {
    struct Row: Sendable, Equatable {
        let code: String
        let name: String
        let jobsFrom: Int
        let jobsTo: Int
        let fastGrowers: Int?
        let inhabitants: Int?

        var growth: Double? { Change(from: jobsFrom, to: jobsTo).relative }
        var jobsPerThousand: Double? { inhabitants.flatMap { $0 > 0 ? Double(jobsTo) * 1000 / Double($0) : nil } }
    }

    struct Model: Sendable, Equatable {
        let from: Int
        let to: Int
        let city: Row
        let rest: Row
        let region: Row
        /// Jobs in the Netherlands (national totals), when loaded.
        let nation: Row?
        let municipalities: [Row]
        /// Jobs per postcode area of the city in `to` (only Zwolle has a postcode map).
        let jobsByPostcodeArea: [String: Int]
        let years: [Int]
        let isDemo: Bool

        var title: String { "\(city.name) en Regio Zwolle, \(from)-\(to)" }
    }

    static func query(city code: String, from: Int, to: Int, years: [Int], panel: RegisterPanel, on database: Database) async throws -> Model {
        let reference = try ReferenceData.shared.get()
        let store = RegisterStore(database)
        let members = reference.regioZwolle
        func row(_ code: String, _ name: String, _ municipalities: [String]) async throws -> Row {
            let area = Area(municipalities: Set(municipalities))
            let inhabitants = try await store.population(municipalities: municipalities, year: to)
            let fast = to - 3 >= (years.first ?? to) ? panel.highGrowthUnits(in: area, endYear: to).count : nil
            return Row(code: code, name: name, jobsFrom: panel.jobs(in: area, year: from), jobsTo: panel.jobs(in: area, year: to),
                       fastGrowers: fast, inhabitants: inhabitants)
        }
        let cityName = reference.municipalities.first { $0.code == code }?.name ?? code
        var rows: [Row] = []
        for member in members.sorted(by: { $0.name < $1.name }) { rows.append(try await row(member.code, member.name, [member.code])) }
        let others = members.map(\.code).filter { $0 != code }
        let nationFrom = try await store.nationalJobs(year: from).jobs.values.reduce(0, +)
        let nationTo = try await store.nationalJobs(year: to).jobs.values.reduce(0, +)
        return Model(
            from: from, to: to, city: try await row(code, cityName, [code]), rest: try await row("rest", "Rest van Regio Zwolle", others),
            region: try await row("regio-zwolle", "Regio Zwolle", members.map(\.code)),
            nation: nationFrom > 0 && nationTo > 0 ? Row(code: "NL", name: "Nederland", jobsFrom: nationFrom, jobsTo: nationTo, fastGrowers: nil, inhabitants: nil) : nil,
            municipalities: rows,
            jobsByPostcodeArea: code == "GM0193" ? try await store.jobsByPostcodeArea(municipality: code, year: to) : [:],
            years: years, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        let rows = [model.city, model.rest, model.region] + (model.nation.map { [$0] } ?? []) + model.municipalities
        let header = "code,naam,banen_\(model.from),banen_\(model.to),groei_procent,snelle_groeiers_\(model.to),inwoners_\(model.to),banen_per_1000_inwoners"
        let lines: [String] = rows.map { row in
            let fields: [String] = [row.code, RegisterCSV.quoted(row.name), String(row.jobsFrom), String(row.jobsTo),
                                    CSVField.decimal(row.growth.map { $0 * 100 }), CSVField.integer(row.fastGrowers),
                                    CSVField.integer(row.inhabitants), CSVField.decimal(row.jobsPerThousand)]
            return fields.joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            "Bron: \(model.isDemo ? "synthetisch demoregister en -bevolking" : "vestigingenregister, CBS-bevolking"), bewerking Vliegwiel; kaart: CBS, Kadaster."
        }

        func render() -> String {
            let years = model.years.map { (String($0), String($0)) }
            let percent = { (value: Double) in DutchFormat.signedPercent(value) }
            let map = ChoroplethMap(title: "Groei van het aantal banen per gemeente, \(model.from)-\(model.to)", shapes: ChoroplethMap.regioZwolle,
                                    values: Dictionary(uniqueKeysWithValues: model.municipalities.compactMap { row in row.growth.map { (row.code, $0) } }),
                                    format: percent, source: source)
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .region, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                .form(
                    .class("inline selector"), .method(.get), .action(SiteURL.region.path),
                    .label(.for("van"), "Van "), Forms.select(id: "van", name: "van", options: years, selected: String(model.from)),
                    .label(.for("tot"), " tot "), Forms.select(id: "tot", name: "tot", options: years, selected: String(model.to)),
                    .button(.type(.submit), .text("Toon"))
                ),
                comparison,
                .div(.class("chart-block"), .raw(map.svg(id: "kaart"))),
                .if(!model.jobsByPostcodeArea.isEmpty, .div(.class("chart-block"), .raw(ChoroplethMap(
                    title: "Banen per postcodegebied in \(model.city.name), \(model.to)", shapes: ChoroplethMap.zwollePostcodeAreas,
                    values: model.jobsByPostcodeArea.mapValues(Double.init), format: { DutchFormat.integer(Int($0.rounded())) },
                    source: "Bron: \(model.isDemo ? "synthetisch demoregister" : "vestigingenregister") \(model.to), bewerking Vliegwiel; kaart: CBS, Kadaster.").svg(id: "postcodes")))),
                .div(.class("chart-block"), .raw(BarChart(title: "Groei van het aantal banen, \(model.from)-\(model.to)", unit: "% groei",
                    bars: model.municipalities.compactMap { row in row.growth.map { .init(label: row.name, value: $0 * 100) } }.sorted { $0.value > $1.value },
                    source: source, format: { DutchFormat.decimal($0) + "%" }).svg(id: "groei"))),
                table(model.municipalities, caption: "De 22 gemeenten van Regio Zwolle"),
                .p(.a(.href(SiteURL.region.path + "?van=\(model.from)&tot=\(model.to)&formaat=csv"), "Download deze tabellen als CSV")),
                .p(.class("source"), .text(source))
            ))
        }

        private var comparison: Node<HTML.BodyContext> {
            table([model.city, model.rest, model.region] + (model.nation.map { [$0] } ?? []), caption: "\(model.city.name) vergeleken")
        }

        private func table(_ rows: [Row], caption: String) -> Node<HTML.BodyContext> {
            .table(
                .caption(.text(caption)),
                .thead(.tr(.th("Gebied"), .th(.class("number"), .text("Banen \(model.from)")), .th(.class("number"), .text("Banen \(model.to)")),
                           .th(.class("number"), "Groei"), .th(.class("number"), .text("Snelle groeiers \(model.to - 3)-\(model.to)")),
                           .th(.class("number"), "Banen per 1.000 inwoners"))),
                .tbody(.forEach(rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(row.name)),
                        .td(.class("number"), .text(DutchFormat.integer(row.jobsFrom))), .td(.class("number"), .text(DutchFormat.integer(row.jobsTo))),
                        .td(.class("number"), .text(row.growth.map { DutchFormat.signedPercent($0) } ?? "–")),
                        .td(.class("number"), .text(row.fastGrowers.map(String.init) ?? "–")),
                        .td(.class("number"), .text(row.jobsPerThousand.map { DutchFormat.decimal($0) } ?? "–")))
                })
            )
        }
    }
}
