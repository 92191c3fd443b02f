import Foundation
import Markup

extension Showcase {
    struct View {
        let model: Model

        func render() -> String {
            let figures = model.figures
            let title = localized("Etalage: \(model.name) in \(model.areaName)", "Showcase: \(model.name) in \(model.areaName)")
            let source = SourceLine.register(isDemo: model.isDemo, years: [figures.from, figures.to]) + ", " + SourceLine.processed + "."
            let link = { (cluster: String, place: String?) in SiteURL.showcase.path(cluster) + (place.map { "?plek=\($0)" } ?? "") }
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .showcase), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Wie werkt in \(model.areaName) aan \(model.name)? Deze organisaties doen mee aan het cluster en hebben ingestemd om hier getoond te worden.",
                    "Who works on \(model.name) in \(model.areaName)? These organisations take part in the cluster and agreed to be shown here."))),
                .nav(.ariaLabel(localized("Groeiclusters", "Growth clusters")), .ul(.forEach(model.clusters) { cluster in
                    .li(.a(.href(link(cluster.key, model.place?.key)), .if(cluster.key == model.key, .attribute(named: "aria-current", value: "page")), .text(cluster.name)))
                })),
                .dl(.class("figures-list"),
                    .dt(.text(localized("Banen \(figures.to)", "Jobs \(figures.to)"))), .dd(.text(Format.integer(figures.jobs))),
                    .dt(.text(localized("Groei sinds \(figures.from)", "Growth since \(figures.from)"))), .dd(.text(figures.growth.map { Format.signedPercent($0) } ?? "–")),
                    .dt(.text(localized("Vestigingen \(figures.to)", "Establishments \(figures.to)"))), .dd(.text(Format.integer(figures.establishments))),
                    .dt(.text(localized("Actief betrokken organisaties", "Actively involved organisations"))),
                    .dd(.text(localized("\(model.involved) (de strategie streeft naar \(Cluster.involvementGoal))", "\(model.involved) (the strategy aims at \(Cluster.involvementGoal))")))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.showcase.path(model.key)),
                      .label(.for("plek"), .text(localized("Plek", "Place"))),
                      Forms.select(id: "plek", name: "plek", options: [("", localized("heel \(model.areaName)", "all of \(model.areaName)"))] + model.places.map { ($0.key, $0.name) },
                                   selected: model.place?.key ?? ""),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                .h2(.text(localized("\(model.entries.count) organisaties", "\(model.entries.count) organisations") + (model.place.map { localized(" in de \($0.name)", " in the \($0.name)") } ?? ""))),
                model.entries.isEmpty ? .p(.text(localized("Hier laat zich (nog) geen organisatie zien.", "No organisation shows itself here (yet)."))) : .ul(.class("showcase"),
                    .forEach(model.entries) { entry in
                        .li(.h3(.text(entry.name)),
                            .p(.class("hint"), .text(entry.kind.label + (entry.postcode.map { " · " + String($0.prefix(4)) } ?? ""))),
                            .unwrap(entry.description) { .p(.text($0)) },
                            .unwrap(entry.website.flatMap(Self.safeLink)) { .p(.a(.href($0), .attribute(named: "rel", value: "nofollow noopener"), .text(Self.host($0)))) },
                            .if(!entry.contacts.isEmpty, .p(.text(localized("Contact: ", "Contact: ")
                                + entry.contacts.map { $0.name + ($0.title.map { " (\($0))" } ?? "") }.joined(separator: ", ")))))
                    }),
                .p(.class("source"), .text(source + localized(" Organisaties en personen met hun toestemming.", " Organisations and people with their consent.")))
            ))
        }

        /// Only a web address (http or https) becomes a link.
        static func safeLink(_ website: String) -> String? {
            let lower = website.lowercased()
            return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? website : nil
        }

        static func host(_ website: String) -> String {
            URL(string: website)?.host ?? website
        }
    }
}
