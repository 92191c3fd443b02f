import Foundation
import Markup

extension ClusterPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let (selection, figures) = (model.selection, model.figures)
            let title = localized("\(model.name) in \(selection.name), \(selection.from)-\(selection.to)", "\(model.name) in \(selection.name), \(selection.from)-\(selection.to)")
            let source = SourceLine.register(isDemo: model.isDemo, years: [selection.from, selection.to]) + ", " + SourceLine.processed + "."
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .clusters, viewer: viewer, selection: selection.kept), main: .group(
                .p(.a(.href(SiteURL.clusters.path + "?" + selection.kept), .text(localized("← Alle clusters", "← All clusters")))),
                .h1(.text(title)),
                Forms.selection(.clusters, selection, years: .period, action: SiteURL.cluster.path(model.key)),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.editCluster.path(model.key)), .text(localized("Cluster bewerken", "Edit cluster"))))),
                .dl(.class("figures-list"),
                    .dt(.text(localized("Banen \(selection.to)", "Jobs \(selection.to)"))), .dd(.text(Format.integer(figures.jobs))),
                    .dt(.text(localized("Groei sinds \(selection.from)", "Growth since \(selection.from)"))),
                    .dd(.text(figures.growth.map { Format.signedPercent($0) + localized(" (van \(Format.integer(figures.first?.jobs ?? 0)))", " (from \(Format.integer(figures.first?.jobs ?? 0)))") } ?? "–")),
                    .dt(.text(localized("Aandeel in alle banen", "Share of all jobs"))), .dd(.text(figures.share.map { Format.percent($0) } ?? "–")),
                    .dt(.text(localized("Vestigingen \(selection.to)", "Establishments \(selection.to)"))), .dd(.text(Format.integer(figures.establishments))),
                    .dt(.text(localized("Locatiequotiënt (Nederland = 1)", "Location quotient (Netherlands = 1)"))),
                    .dd(.text(figures.locationQuotient.map { Format.decimal($0, digits: 2) } ?? (localized("niet te berekenen: ", "cannot be computed: ") + (figures.locationQuotientGap ?? ""))))),
                .div(.class("chart-block"), LineChart(title: localized("Banen in \(model.name)", "Jobs in \(model.name)"), unit: localized("banen", "jobs"),
                                                      points: figures.years.map { ($0.year, Double($0.jobs)) }, source: source).svg(id: "clusterbanen")),
                .h2(.text(localized("Wat hoort erbij", "What belongs to it"))),
                .ul(.forEach(model.prefixes) { prefix in .li(.code(.text(prefix.code)), .text(prefix.label.isEmpty ? "" : " " + prefix.label)) }),
                .p(.text(localized("Met de hand toegevoegd: ", "Added by hand: ")),
                   model.added.isEmpty ? .text(localized("geen", "none")) : Links.list(model.added, to: SiteURL.organisation)),
                .p(.text(localized("Uitgesloten: ", "Excluded: ")),
                   model.excluded.isEmpty ? .text(localized("geen", "none")) : Links.list(model.excluded, to: SiteURL.organisation)),
                .p(.a(.href(SiteURL.establishments.with([("gebied", selection.area), ("jaar", String(selection.to)),
                                                         ("sbi", model.prefixes.map(\.code).joined(separator: ","))])),
                      .text(localized("Vestigingen met deze SBI-codes in \(selection.to)", "Establishments with these SBI codes in \(selection.to)")))),
                enterprises(localized("Grootste werkgevers in het cluster (\(selection.to))", "Largest employers in the cluster (\(selection.to))"), model.largest),
                enterprises(localized("Snelle groeiers \(selection.to - 3)-\(selection.to) in het cluster", "Fast growers \(selection.to - 3)-\(selection.to) in the cluster"),
                            model.fastGrowers),
                .p(.class("source"), .text(source))
            ))
        }

        private func enterprises(_ caption: String, _ rows: [Enterprise]) -> Node {
            .group(.h2(.text(caption)), rows.isEmpty ? .p(.text(localized("Geen.", "None."))) : .table(
                .caption(.text(caption)),
                .thead(.tr(.th(.text(localized("Onderneming", "Enterprise"))), .th(.text("KvK")),
                           .th(.class("number"), .text(localized("Banen in het cluster", "Jobs in the cluster"))), .th(.text(localized("In Relaties", "In Relations"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.a(.href(SiteURL.enterprise.path(row.kvk)), .text(row.name))), .td(.text(row.kvk)),
                        .td(.class("number"), .text(Format.integer(row.jobs))),
                        .td(.unwrap(row.organisation, { .a(.href(SiteURL.organisation.path($0)), .text(localized("organisatie", "organisation"))) },
                                    else: .text("–"))))
                })))
        }
    }
}
