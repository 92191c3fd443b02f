import Analysis
import Foundation
import Markup

extension Benchmark {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            (model.isDemo ? localized("Bron: synthetische cijfers van alle gemeenten (demo, geen echte cijfers)", "Source: synthetic figures of all municipalities (demo, not real figures)")
                          : localized("Bron: geïmporteerde totalen van alle gemeenten (CBS/LISA)", "Source: imported totals of all municipalities (CBS/LISA)"))
                + localized("; inwoners op 1 januari; ", "; inhabitants on 1 January; ") + SourceLine.processed
        }

        private var format: (Double) -> String {
            model.indicator == .jobsGrowth ? { Format.signedDecimal($0, digits: 1) + "%" } : { Format.decimal($0, digits: 1) }
        }

        private func link(_ changes: [String: String?] = [:]) -> String {
            var parameters: [String: String?] = ["gebied": model.query.area, "indicator": model.indicator.rawValue, "groep": model.query.group.rawValue,
                                                 "jaar": String(model.year), "van": model.indicator == .jobsGrowth ? String(model.base) : nil,
                                                 "vergelijk": model.query.chosen.isEmpty ? nil : model.query.chosen.joined(separator: ",")]
            parameters.merge(changes) { $1 }
            return SiteURL.benchmark.path + "?" + SiteURL.queryString(parameters.sorted { $0.key < $1.key }.compactMap { key, value in value.map { (key, $0) } })
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .benchmark, viewer: viewer)
        }

        private var form: Node {
            let options = { (years: [Int]) in years.map { (String($0), String($0)) } }
            let names: [(value: String, label: String)] = ((try? ReferenceData.shared.get().municipalities) ?? []).sorted { $0.name < $1.name }.map { ($0.code, $0.name) }
            return .form(.class("inline selector"), .method(.get), .action(SiteURL.benchmark.path),
                .label(.for("gebied"), .text(localized("Gemeente ", "Municipality "))),
                Forms.select(id: "gebied", name: "gebied", options: names, selected: model.query.area),
                .label(.for("indicator"), .text(localized(" op ", " on "))),
                Forms.select(id: "indicator", name: "indicator", options: MunicipalRanking.Indicator.allCases.map { ($0.rawValue, $0.label) }, selected: model.indicator.rawValue),
                .label(.for("jaar"), .text(localized(" in ", " in "))),
                Forms.select(id: "jaar", name: "jaar", options: options(model.years), selected: String(model.year)),
                .label(.for("van"), .text(localized(" groei vanaf ", " growth from "))),
                Forms.select(id: "van", name: "van", options: options(model.years.filter { $0 < model.year }), selected: String(model.base)),
                .label(.for("groep"), .text(localized(" tussen ", " among "))),
                Forms.select(id: "groep", name: "groep", options: Group.allCases.map { ($0.rawValue, $0.label) }, selected: model.query.group.rawValue),
                .label(.for("vergelijk"), .text(localized(" eigen keuze (namen of codes, met komma's) ", " chosen list (names or codes, with commas) "))),
                .input(.type(.text), .id("vergelijk"), .name("vergelijk"), .value(model.chosenNames)),
                .button(.type(.submit), .text(localized("Toon", "Show"))))
        }

        private var lead: Node {
            guard let area = model.area else {
                return .p(.class("lead"), .text(localized("\(model.areaName) heeft in \(model.year) geen waarde in deze groep (geen cijfers, geen inwoners, of niet in de groep).",
                                                          "\(model.areaName) has no value in this group in \(model.year) (no figures, no inhabitants, or not in the group).")))
            }
            let ahead = model.rows.prefix { $0.rank < area.rank }.prefix(5).map(\.name)
            return .p(.class("lead"), .text(localized(
                "\(model.areaName) staat in \(model.year) op plaats \(area.rank) van \(model.rows.count) (\(model.query.group.label)) met \(format(area.value)) \(model.indicator.label)"
                    + (ahead.isEmpty ? "." : ", na \(ahead.joined(separator: ", "))\(area.rank > 6 ? " en anderen" : "")."),
                "In \(model.year) \(model.areaName) ranks \(area.rank) of \(model.rows.count) (\(model.query.group.label)) with \(format(area.value)) \(model.indicator.label)"
                    + (ahead.isEmpty ? "." : ", after \(ahead.joined(separator: ", "))\(area.rank > 6 ? " and others" : "")."))))
        }

        /// The top of the ranking with the area added where it falls below it.
        private var chartRows: [Row] {
            let top = Array(model.rows.prefix(20))
            guard let area = model.area, !top.contains(area) else { return top }
            return top + [area]
        }

        var main: Node {
            .group(
                .h1(.text(model.title)),
                form,
                lead,
                .div(.class("notice"), .p(.text(localized(
                    "Rang 1 is de hoogste waarde; gelijke waarden delen de beste plaats. Banen per 1.000 inwoners = banen × 1000 / inwoners op 1 januari; banengroei = (banen in \(model.year) − banen in \(model.base)) / banen in \(model.base). Een gemeente zonder inwoners of zonder cijfers in het basisjaar heeft geen waarde\(model.withoutValue > 0 ? " (\(model.withoutValue) in deze groep)" : "").",
                    "Rank 1 is the highest value; equal values share the best place. Jobs per 1,000 inhabitants = jobs × 1000 / inhabitants on 1 January; jobs growth = (jobs in \(model.year) − jobs in \(model.base)) / jobs in \(model.base). A municipality without inhabitants or without figures in the base year has no value\(model.withoutValue > 0 ? " (\(model.withoutValue) in this group)" : "").")))),
                .div(.class("chart-block"), BarChart(title: localized("Rangorde \(model.year): de top 20", "Ranking \(model.year): the top 20") + (model.area.map { chartRows.count > 20 ? localized(" en \(model.areaName) (\($0.rank))", " and \(model.areaName) (\($0.rank))") : "" } ?? ""),
                    unit: model.indicator.label, bars: chartRows.map { .init(label: "\($0.rank). \($0.name)", value: $0.value, link: link(["gebied": $0.code])) },
                    source: source, format: format).svg(id: "ranking")),
                .if(model.trend.contains { $0.value != nil }, .div(.class("chart-block narrow"), LineChart(
                    title: localized("\(model.areaName): \(model.indicator.label) per jaar", "\(model.areaName): \(model.indicator.label) per year"), unit: model.indicator.label,
                    points: model.trend.compactMap { point in point.value.map { (point.year, $0) } },
                    source: model.isDemo ? localized("Bron: synthetisch (demo)", "Source: synthetic (demo)") : localized("Bron: gepubliceerde totalen", "Source: published totals"),
                    format: format).svg(id: "trend"))),
                .table(
                    .caption(.text(localized("\(model.areaName) per jaar: waarde en plaats", "\(model.areaName) per year: value and place"))),
                    .thead(.tr(.th(.text(localized("Jaar", "Year"))), .th(.class("number"), .text(model.indicator.label)), .th(.class("number"), .text(localized("Plaats", "Place"))))),
                    .tbody(.forEach(model.trend) { point in
                        .tr(.td(.a(.href(link(["jaar": String(point.year), "van": nil])), .text(String(point.year)))), .td(.class("number"), .text(point.value.map(format) ?? "–")),
                            .td(.class("number"), .text(point.rank.map { localized("\($0) van \(point.of)", "\($0) of \(point.of)") } ?? "–")))
                    })
                ),
                .if(!model.chosenTrend.isEmpty, .table(
                    .caption(.text(localized("De gekozen gemeenten per jaar: \(model.indicator.label)", "The chosen municipalities per year: \(model.indicator.label)"))),
                    .thead(.tr(.group([.th(.text(localized("Jaar", "Year")))] + model.chosenTrend.map { .th(.class("number"), .text($0.name)) }))),
                    .tbody(.forEach(model.trend.map(\.year)) { year in
                        .tr(.group([.td(.text(String(year)))] + model.chosenTrend.map { .td(.class("number"), .text($0.values[year].map(format) ?? "–")) }))
                    }))),
                .h2(.text(localized("Rangorde \(model.year): \(model.query.group.label)", "Ranking \(model.year): \(model.query.group.label)"))),
                .table(
                    .caption(.text(localized("\(model.rows.count) gemeenten, hoogste eerst", "\(model.rows.count) municipalities, highest first"))),
                    .thead(.tr(.th(.class("number"), .text(localized("Plaats", "Place"))), .th(.text(localized("Gemeente", "Municipality"))), .th(.class("number"), .text(model.indicator.label)),
                               .th(.class("number"), .text(localized("Banen", "Jobs"))), .th(.class("number"), .text(localized("Vestigingen", "Establishments"))),
                               .th(.class("number"), .text(localized("Inwoners", "Inhabitants"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.if(row.code == model.query.area, .class("selected")), .td(.class("number"), .text(String(row.rank))),
                            .td(.a(.href(link(["gebied": row.code])), .text(row.name))), .td(.class("number"), .text(format(row.value))),
                            .td(.class("number"), .text(Format.integer(row.figures.jobs))), .td(.class("number"), .text(Format.integer(row.figures.establishments))),
                            .td(.class("number"), .text(row.figures.inhabitants.map(Format.integer) ?? "–")))
                    })
                ),
                .if(!model.registerChecks.isEmpty, .group(
                    .h2(.text(localized("Register en gepubliceerde totalen, \(model.year)", "Register and published totals, \(model.year)"))),
                    .p(.text(localized("Waar het register een gemeente dekt, telt Vliegwiel zelf banen en vestigingen; verschillen komen van een andere peildatum, definitie of bron.",
                                       "Where the register covers a municipality, Vliegwiel counts jobs and establishments itself; differences come from another reference date, definition or source."))),
                    .table(
                        .caption(.text(localized("Gepubliceerd tegenover register", "Published against register"))),
                        .thead(.tr(.th(.text(localized("Gemeente", "Municipality"))), .th(.class("number"), .text(localized("Banen gepubliceerd", "Jobs published"))),
                                   .th(.class("number"), .text(localized("Banen register", "Jobs register"))), .th(.class("number"), .text(localized("Vestigingen gepubliceerd", "Establishments published"))),
                                   .th(.class("number"), .text(localized("Vestigingen register", "Establishments register"))), .th(.text(localized("Oordeel", "Verdict"))))),
                        .tbody(.forEach(model.registerChecks) { check in
                            .tr(.td(.a(.href(EstablishmentsIndex.link(area: check.code, year: model.year)), .text(check.name))),
                                .td(.class("number"), .text(Format.integer(check.published.jobs))), .td(.class("number"), .text(Format.integer(check.registerJobs))),
                                .td(.class("number"), .text(Format.integer(check.published.establishments))), .td(.class("number"), .text(Format.integer(check.registerEstablishments))),
                                .td(.text(check.agrees ? localized("gelijk", "equal") : localized("verschilt: banen \(Self.difference(check.registerJobs, check.published.jobs)), vestigingen \(Self.difference(check.registerEstablishments, check.published.establishments))",
                                                                                                  "differs: jobs \(Self.difference(check.registerJobs, check.published.jobs)), establishments \(Self.difference(check.registerEstablishments, check.published.establishments))"))))
                        })
                    ))),
                Downloads.links(link(["formaat": "csv"]), localized("Download de rangorde", "Download the ranking")),
                .p(.class("source"), .text(source))
            )
        }

        /// The register's count against the published one, as a signed difference and percentage.
        static func difference(_ register: Int, _ published: Int) -> String {
            Format.signed(register - published) + (published > 0 ? " (\(Format.signedPercent(Double(register - published) / Double(published))))" : "")
        }
    }
}

extension Benchmark.Model {
    /// The chosen list as names, for the form's text field.
    var chosenNames: String {
        let names = (try? ReferenceData.shared.get().municipalityNames) ?? [:]
        return query.chosen.map { names[$0] ?? $0 }.joined(separator: ", ")
    }
}
