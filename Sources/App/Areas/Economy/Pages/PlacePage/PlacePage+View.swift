import Foundation
import Markup

extension PlacePage {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed + localized("; postcodegebieden: CBS, Kadaster (PC4, 2020)", "; postcode areas: CBS, Kadaster (PC4, 2020)")
        }

        private var year: Int? { model.figures.latest?.year }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .places, viewer: viewer)
        }

        /// Everything but the shell: the same for every viewer who may (or may not) edit, so it is cached rendered.
        var main: Node {
            let count = { (value: Int?) -> Node in .td(.class("number"), .text(value.map(Format.integer) ?? "–")) }
            let shapes = ChoroplethMap.postcodeAreas(of: model.municipality)
            return .group(
                .h1(.text(model.title)),
                .p(.class("lead"), .text(localized("Postcodes: ", "Postcodes: ") + model.postcodes.joined(separator: " ")
                    + (model.figures.latest.map { localized(". In \($0.year): \(Format.integer($0.jobs)) banen in \(Format.integer($0.establishments)) vestigingen.",
                                                            ". In \($0.year): \(Format.integer($0.jobs)) jobs in \(Format.integer($0.establishments)) establishments.") } ?? ""))),
                .if(model.note != nil, .p(.text(localized("Toelichting: ", "Note: ") + (model.note ?? "")))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.editPlace.path(model.key)), .text(localized("Plek bewerken", "Edit place"))))),
                .if(!shapes.isEmpty, .div(.class("chart-block"), ChoroplethMap(
                    title: localized("Banen per postcodegebied in \(model.municipalityName), \(year.map(String.init) ?? ""); \(model.name) omlijnd",
                                     "Jobs per postcode area in \(model.municipalityName), \(year.map(String.init) ?? ""); \(model.name) outlined"),
                    shapes: shapes, values: model.figures.jobsByPostcodeArea.mapValues(Double.init), format: { Format.integer(Int($0.rounded())) }, source: source,
                    link: { code in year.map { EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: model.municipality, year: $0, postcode: code)) } },
                    selected: model.postcodeAreas, unit: localized("banen", "jobs")).svg(id: "map"))),
                .if(model.figures.years.count > 1, .div(.class("chart-block narrow"), LineChart(
                    title: localized("Banen in \(model.name)", "Jobs in \(model.name)"), unit: localized("banen", "jobs"),
                    points: model.figures.years.map { ($0.year, Double($0.jobs)) }, source: SourceLine.register(isDemo: model.isDemo)).svg(id: "jobs"))),
                .table(
                    .caption(.text(localized("\(model.name) per jaar", "\(model.name) per year"))),
                    .thead(.tr(.th(.text(localized("Jaar", "Year"))), .th(.class("number"), .text(localized("Banen", "Jobs"))),
                               .th(.class("number"), .text(localized("Vestigingen", "Establishments"))), .th(.class("number"), .text(localized("Geboorten", "Births"))),
                               .th(.class("number"), .text(localized("Snelle groeiers", "Fast growers"))), .th(.class("number"), .text(localized("In een groeicluster", "In a growth cluster"))))),
                    .tbody(.forEach(model.figures.years) { row in
                        .tr(.td(.text(String(row.year))), count(row.jobs), count(row.establishments), count(row.births), count(row.fastGrowers), count(row.clusterMembers))
                    })
                ),
                .p(.class("hint"), .text(localized(
                    "Geboorten: vestigingen die dat jaar voor het eerst in het register staan en in dat of het vorige jaar zijn opgericht (zie Demografie). Snelle groeiers: ondernemingen met meer dan 20% groei per jaar over drie jaar, hun banen in de plek geteld. In een groeicluster: vestigingen die bij ten minste één groeicluster horen.",
                    "Births: establishments in the register for the first time that year and founded that year or the year before (see Demography). Fast growers: enterprises growing more than 20% a year over three years, counting their jobs in the place. In a growth cluster: establishments that belong to at least one growth cluster."))),
                .if(!model.figures.clusters.isEmpty, .table(
                    .caption(.text(localized("Groeiclusters in \(model.name), \(year.map(String.init) ?? "")", "Growth clusters in \(model.name), \(year.map(String.init) ?? "")"))),
                    .thead(.tr(.th(.text("Cluster")), .th(.class("number"), .text(localized("Vestigingen", "Establishments"))), .th(.class("number"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.figures.clusters) { cluster in
                        .tr(.td(.a(.href(SiteURL.showcase.path(cluster.key) + "?" + SiteURL.queryString([("plek", model.key)])), .text(cluster.name))),
                            count(cluster.establishments), count(cluster.jobs))
                    }))),
                .h2(.text(localized("De postcodegebieden", "The postcode areas"))),
                .ul(.forEach(model.postcodes) { code in
                    .li(year.map { year in
                        .group(.a(.href(EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: model.municipality, year: year, postcode: String(code.prefix(4))))),
                                  .text(localized("Vestigingen in \(code.prefix(4)), \(year)", "Establishments in \(code.prefix(4)), \(year)"))),
                               .if(code.count > 4, .text(localized(" (de plek neemt alleen \(code))", " (the place takes only \(code))"))))
                    } ?? .text(code))
                }),
                Downloads.links(SiteURL.place.path(model.key) + "?formaat=csv", localized("Download de cijfers van \(model.name)", "Download the figures of \(model.name)")),
                .p(.class("source"), .text(source))
            )
        }
    }
}
