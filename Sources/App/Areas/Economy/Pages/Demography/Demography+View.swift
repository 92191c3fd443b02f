import Analysis
import Foundation
import Markup

extension Demography {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed
                + localized(". Definities naar het OECD-Eurostat-handboek bedrijfsdemografie (2007).", ". Definitions after the OECD-Eurostat manual on business demography (2007).")
        }

        private func link(_ extra: [String: String] = [:]) -> String {
            SiteURL.demography.path + "?" + model.selection.query(model.parameters.merging(extra) { $1 })
        }

        /// The page with the births of another year listed (the period keeps its start where it can).
        private func yearLink(_ year: Int) -> String {
            SiteURL.demography.path + "?" + model.selection.with(from: min(model.selection.from, year - 1), to: year).query(model.parameters) + "#geboorten"
        }

        /// The page for one cluster.
        private func clusterLink(_ key: String) -> String {
            SiteURL.demography.path + "?" + model.selection.query(["cluster": key].merging(model.unit == .establishment ? ["eenheid": model.unit.rawValue] : [:]) { $1 })
        }

        private func count(_ value: Int?) -> Node { .text(value.map(Format.integer) ?? "–") }
        private func rate(_ value: Double?) -> Node { .text(value.map { Format.percent($0) } ?? "–") }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .demography, viewer: viewer, selection: model.selection.kept)
        }

        private var scopeValue: String {
            switch model.scope {
            case .all: ""
            case .section(let letter, _): "sectie:" + letter
            case .cluster(let key, _): "cluster:" + key
            }
        }

        private var picker: [Node] {
            [
                .label(.for("eenheid"), .text(localized(" eenheid ", " unit "))),
                Forms.select(id: "eenheid", name: "eenheid", options: [(RegisterPanel.Unit.enterprise.rawValue, localized("ondernemingen", "enterprises")),
                                                                       (RegisterPanel.Unit.establishment.rawValue, localized("vestigingen", "establishments"))],
                             selected: model.unit.rawValue),
                .label(.for("afbakening"), .text(localized(" van ", " of "))),
                Forms.select(id: "afbakening", name: "afbakening",
                             options: [("", localized("alle sectoren", "all sectors"))]
                                 + model.clusterChoices.map { ("cluster:" + $0.key, localized("cluster ", "cluster ") + $0.name) }
                                 + model.sections.map { ("sectie:" + $0.key, "\($0.key) \($0.name)") },
                             selected: scopeValue),
            ]
        }

        private var lead: Node {
            guard let year = model.years.last, let births = year.births else {
                return .p(.class("lead"), .text(localized("Voor \(model.year) zijn er geen geboorten te tellen: het register begint in dat jaar.",
                                                          "No births can be counted for \(model.year): the register starts that year.")))
            }
            var text = localized("In \(year.year): \(Format.integer(births)) geboorten (starters) op \(Format.integer(year.stock)) \(model.unitLabel), een geboortecijfer van \(year.birthRate.map { Format.percent($0) } ?? "–").",
                                 "In \(year.year): \(Format.integer(births)) births (start-ups) among \(Format.integer(year.stock)) \(model.unitLabel), a birth rate of \(year.birthRate.map { Format.percent($0) } ?? "–").")
            if let cohort = model.cohorts.last(where: { ($0.survivors[3] ?? nil) != nil }), let survived = cohort.survivors[3] ?? nil {
                text += localized(" Van de \(Format.integer(cohort.births)) geboren in \(cohort.year) zijn er na drie jaar (\(cohort.year + 3)) nog \(Format.integer(survived)) (\(cohort.survivalRate(after: 3).map { Format.percent($0) } ?? "–")).",
                                  " Of the \(Format.integer(cohort.births)) born in \(cohort.year), \(Format.integer(survived)) are still there after three years (\(cohort.year + 3)): \(cohort.survivalRate(after: 3).map { Format.percent($0) } ?? "–").")
            }
            return .p(.class("lead"), .text(text))
        }

        var main: Node {
            .group(
                .h1(.text(model.title)),
                Forms.selection(.demography, model.selection, years: .period, extra: picker),
                lead,
                .details(.class("notice"),
                    .summary(.text(localized("Definities en wat het register niet kan zien", "Definitions and what the register cannot see"))),
                    .ul(
                        .li(.text(localized("Een geboorte (starter) in jaar t: een eenheid die in t voor het eerst in het register staat (in geen enkel eerder jaar, in geen enkele gemeente van het register) en in t of t-1 is opgericht. In het eerste registerjaar is niets als geboorte te tellen.",
                                            "A birth (start-up) in year t: a unit that is in the register for the first time in t (in no earlier year, in none of the register's municipalities) and was founded in t or t-1. Nothing counts as a birth in the register's first year."))),
                        .li(.text(localized("Overige nieuwkomers: voor het eerst in het register, maar eerder opgericht of met onbekend oprichtingsjaar. Een verhuizing van buiten het register (buiten de gemeenten die het dekt) ziet er zo uit, of als geboorte wanneer de oprichting recent is: dat onderscheid kan het register niet maken.",
                                            "Other newcomers: in the register for the first time, but founded earlier or with an unknown founding year. A move from outside the register (outside the municipalities it covers) looks like this, or like a birth when the founding is recent: the register cannot tell the two apart."))),
                        .li(.text(localized("Terugkeerders: in t aanwezig, in t-1 nergens, maar in een eerder jaar wel. Vestigers en vertrekkers: hetzelfde vestigingsnummer dat tussen gemeenten van het register verhuist, het gebied in of uit; een onderneming vestigt zich als een van haar vestigingen het gebied in verhuist (een nieuw filiaal openen is geen verhuizing).",
                                            "Returns: present in t, nowhere in t-1, but in some earlier year. Arrivals and departures: the same establishment number moving between municipalities of the register, into or out of the area; an enterprise arrives when one of its establishments moves in (opening a new branch is no move)."))),
                        .li(.text(localized("Een opheffing in jaar t: in t in het gebied en in t+1 en t+2 nergens in het register (niet binnen twee jaar terug). Pas bekend als het register die twee jaren heeft; tot dan '–'.",
                                            "A closure in year t: in the area in t and nowhere in the register in t+1 and t+2 (not back within two years). Known only when the register has those two years; until then '–'."))),
                        .li(.text(localized("Overleving na k jaar: het deel van de geboorten van een jaar dat k jaar later nog in het register staat, waar ook (een vertrokken starter overleeft). Geboortecijfer en opheffingscijfer: geboorten en opheffingen gedeeld door de voorraad van hetzelfde jaar.",
                                            "Survival after k years: the share of a year's births still in the register k years later, wherever (a start-up that moved away survives). Birth and closure rate: births and closures divided by the stock of the same year."))),
                        .li(.text(localized("Een onderneming (KvK-nummer) telt in het gebied mee als een van haar vestigingen er staat; bij een sector of cluster telt haar hoofdvestiging in het gebied (de meeste banen).",
                                            "An enterprise (KvK number) counts in the area when one of its establishments is there; for a sector or cluster its main establishment in the area counts (the most jobs).")))
                    )),
                .div(.class("chart-block"), BarChart(title: localized("Geboorten per jaar", "Births per year"), unit: model.unitLabel,
                    bars: model.years.compactMap { year in year.births.map { .init(label: String(year.year), value: Double($0), link: yearLink(year.year)) } },
                    source: source).svg(id: "births")),
                .table(.class("wide"),
                    .caption(.text(localized("Voorraad en stromen per jaar (\(model.unitLabel))", "Stock and flows per year (\(model.unitLabel))"))),
                    .thead(.tr(.th(.text(localized("Jaar", "Year"))), .th(.class("number"), .text(localized("Voorraad", "Stock"))),
                               .th(.class("number"), .text(localized("Geboorten", "Births"))), .th(.class("number"), .text(localized("Overige nieuwkomers", "Other newcomers"))),
                               .th(.class("number"), .text(localized("Terugkeerders", "Returns"))), .th(.class("number"), .text(localized("Vestigers", "Arrivals"))),
                               .th(.class("number"), .text(localized("Vertrekkers", "Departures"))), .th(.class("number"), .text(localized("Opheffingen", "Closures"))),
                               .th(.class("number"), .text(localized("Geboortecijfer", "Birth rate"))), .th(.class("number"), .text(localized("Opheffingscijfer", "Closure rate"))))),
                    .tbody(.forEach(model.years) { year in
                        .tr(.td(.text(String(year.year))), .td(.class("number"), .text(Format.integer(year.stock))),
                            .td(.class("number"), year.births.map { .a(.href(yearLink(year.year)), .text(Format.integer($0))) } ?? .text("–")),
                            .td(.class("number"), count(year.otherEntries)), .td(.class("number"), count(year.returns)),
                            .td(.class("number"), count(year.arrivals)), .td(.class("number"), count(year.departures)),
                            .td(.class("number"), count(year.closures)), .td(.class("number"), rate(year.birthRate)), .td(.class("number"), rate(year.closureRate)))
                    })
                ),
                .h2(.text(localized("Overleving per geboortejaar", "Survival per birth year"))),
                .table(
                    .caption(.text(localized("Deel van de geboorten dat na 1, 2, 3 en 5 jaar nog in het register staat (tot en met \(model.lastYear))",
                                             "Share of the births still in the register after 1, 2, 3 and 5 years (up to \(model.lastYear))"))),
                    .thead(.tr(.group([.th(.text(localized("Geboortejaar", "Birth year"))), .th(.class("number"), .text(localized("Geboorten", "Births")))]
                                      + BusinessDemography.survivalYears.map { .th(.class("number"), .text(localized("na \($0) jaar", "after \($0) year\($0 == 1 ? "" : "s")"))) }))),
                    .tbody(.forEach(model.cohorts) { cohort in
                        .tr(.group([.td(.text(String(cohort.year))), .td(.class("number"), .a(.href(yearLink(cohort.year)), .text(Format.integer(cohort.births))))]
                                   + BusinessDemography.survivalYears.map { years in
                                       .td(.class("number"), .text((cohort.survivors[years] ?? nil).map { "\(Format.integer($0)) (\(cohort.survivalRate(after: years).map { Format.percent($0) } ?? "–"))" } ?? "–"))
                                   }))
                    })
                ),
                .if(!model.clusters.isEmpty, .group(
                    .h2(.text(localized("Starters in de clusters", "Start-ups in the clusters"))),
                    .table(
                        .caption(.text(localized("Geboorten per cluster (\(model.unitLabel)), \(model.selection.from)-\(model.year)", "Births per cluster (\(model.unitLabel)), \(model.selection.from)-\(model.year)"))),
                        .thead(.tr(.th(.text("Cluster")), .th(.class("number"), .text(localized("Geboorten \(model.year)", "Births \(model.year)"))),
                                   .th(.class("number"), .text(localized("Geboorten \(model.selection.from)-\(model.year)", "Births \(model.selection.from)-\(model.year)"))),
                                   .th(.class("number"), .text(localized("Na drie jaar nog actief", "Still active after three years"))))),
                        .tbody(.forEach(model.clusters) { row in
                            .tr(.td(.a(.href(clusterLink(row.key)), .text(row.name))), .td(.class("number"), count(row.birthsInYear)),
                                .td(.class("number"), .text(Format.integer(row.birthsInPeriod))),
                                .td(.class("number"), .text(row.cohortsThreeYears > 0
                                    ? "\(Format.integer(row.survivedThreeYears)) / \(Format.integer(row.cohortsThreeYears)) (\(Format.percent(Double(row.survivedThreeYears) / Double(row.cohortsThreeYears))))"
                                    : "–")))
                        })
                    ))),
                .h2(.id("geboorten"), .text(localized("Geboren in \(model.year)", "Born in \(model.year)"))),
                .if(model.births.isEmpty, .p(.text(localized("Geen geboorten in \(model.year).", "No births in \(model.year).")))),
                .if(!model.births.isEmpty, .table(
                    .caption(.text((model.birthCount > model.births.count
                        ? localized("De \(model.births.count) grootste van \(Format.integer(model.birthCount)) \(model.unitLabel)", "The \(model.births.count) largest of \(Format.integer(model.birthCount)) \(model.unitLabel)")
                        : "\(Format.integer(model.birthCount)) \(model.unitLabel)")
                        + localized(", meeste banen eerst; 'nog actief': in \(model.lastYear) nog in het register", ", most jobs first; 'still active': in the register in \(model.lastYear)"))),
                    .thead(.tr(.th(.text(model.unit == .enterprise ? "KvK" : localized("Vestigingsnummer", "Establishment number"))), .th(.text(localized("Naam", "Name"))),
                               .th("SBI"), .th(.text(localized("Opgericht", "Founded"))), .th(.class("number"), .text(localized("Banen \(model.year)", "Jobs \(model.year)"))),
                               .th(.text(localized("Nog actief", "Still active"))))),
                    .tbody(.forEach(model.births) { birth in
                        .tr(.td(.a(.href(EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: model.selection.area, year: model.year, kvk: birth.kvk))), .text(birth.id))),
                            .td(.a(.href(SiteURL.enterprise.path(birth.kvk)), .text(birth.name))), .td(.text(birth.sbi)),
                            .td(.text(birth.founded.map(String.init) ?? localized("onbekend", "unknown"))), .td(.class("number"), .text(Format.integer(birth.jobs))),
                            .td(.text(birth.isPresent ? localized("ja", "yes") : localized("nee", "no"))))
                    })
                )),
                Downloads.links(link(["formaat": "csv"]), localized("Download de bedrijfsdemografie", "Download the business demography")),
                .p(.class("source"), .text(source))
            )
        }
    }
}
