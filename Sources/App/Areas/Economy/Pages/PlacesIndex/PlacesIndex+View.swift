import Foundation
import Markup

extension PlacesIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var title: String { localized("Plekken in \(model.municipalityName)", "Places in \(model.municipalityName)") }

        private func cells(_ year: PlaceFigures.Year?) -> [Node] {
            let count = { (value: Int?) -> Node in .td(.class("number"), .text(value.map(Format.integer) ?? "–")) }
            return [count(year?.jobs), count(year?.establishments), count(year?.births), count(year?.fastGrowers), count(year?.clusterMembers)]
        }

        func render() -> String {
            Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .places, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Een plek is een verzameling postcodegebieden (vier cijfers, of een volledige postcode waar het register die heeft). De cijfers tellen de vestigingen van het register met een postcode in de plek, in \(model.year.map(String.init) ?? "het laatste jaar").",
                    "A place is a set of postcode areas (four digits, or a full postcode where the register has it). The figures count the register's establishments with a postcode in the place, in \(model.year.map(String.init) ?? "the last year")."))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newPlace.path), .text(localized("Nieuwe plek", "New place"))))),
                .table(.class("wide"),
                    .caption(.text(localized("Plekken en hun cijfers, \(model.year.map(String.init) ?? "")", "Places and their figures, \(model.year.map(String.init) ?? "")"))),
                    .thead(.tr(.th(.text(localized("Plek", "Place"))), .th(.text(localized("Postcodes", "Postcodes"))),
                               .th(.class("number"), .text(localized("Banen", "Jobs"))), .th(.class("number"), .text(localized("Vestigingen", "Establishments"))),
                               .th(.class("number"), .text(localized("Geboorten", "Births"))), .th(.class("number"), .text(localized("Snelle groeiers", "Fast growers"))),
                               .th(.class("number"), .text(localized("In een groeicluster", "In a growth cluster"))))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(.group([.td(.a(.href(SiteURL.place.path(row.key)), .text(row.name))), .td(.text(row.postcodes.joined(separator: " ")))]
                                       + cells(row.latest)))
                        },
                        .tr(.class("total"), .group([.td(.text(localized("Heel \(model.municipalityName)", "All of \(model.municipalityName)"))), .td(.text(""))]
                                                    + cells(model.municipality)))
                    )
                ),
                .p(.class("source"), .text(SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed
                    + localized("; postcodegebieden: CBS (PC4, 2020).", "; postcode areas: CBS (PC4, 2020).")))
            ))
        }
    }
}
