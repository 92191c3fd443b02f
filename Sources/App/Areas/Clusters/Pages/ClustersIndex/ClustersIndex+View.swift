import Foundation
import Markup

extension ClustersIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let selection = model.selection
            let title = localized("Groeiclusters in \(selection.name), \(selection.from)-\(selection.to)", "Growth clusters in \(selection.name), \(selection.from)-\(selection.to)")
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .clusters, viewer: viewer, selection: selection.kept), main: .group(
                .h1(.text(title)),
                Forms.selection(.clusters, selection, years: .period),
                .p(.class("lead"), .text(localized(
                    "De clusters van de strategie: een vestiging hoort bij een cluster als haar SBI-code onder een van de codes van het cluster valt, of als haar onderneming met de hand is toegevoegd, en niet als die is uitgesloten.",
                    "The strategy's clusters: an establishment belongs to a cluster when its SBI code falls under one of the cluster's codes, or when its enterprise was added by hand, and not when it was excluded."))),
                .p(.class("actions"), .if(model.mayEdit, .a(.class("button"), .href(SiteURL.newCluster.path), .text(localized("Nieuw cluster", "New cluster")))),
                   .a(.href(SiteURL.engagements.path), .text(localized("Clusteractiviteiten", "Cluster engagements")))),
                .table(
                    .caption(.text(localized("Banen en vestigingen per cluster", "Jobs and establishments per cluster"))),
                    .thead(.tr(.th(.text(localized("Cluster", "Cluster"))), .th(.text(localized("SBI", "SBI"))),
                               .th(.class("number"), .text(localized("Banen \(selection.from)", "Jobs \(selection.from)"))),
                               .th(.class("number"), .text(localized("Banen \(selection.to)", "Jobs \(selection.to)"))),
                               .th(.class("number"), .text(localized("Groei", "Growth"))),
                               .th(.class("number"), .text(localized("Aandeel in alle banen", "Share of all jobs"))),
                               .th(.class("number"), .text(localized("Vestigingen \(selection.to)", "Establishments \(selection.to)"))),
                               .th(.class("number"), .text(localized("Snelle groeiers", "Fast growers"))),
                               .th(.class("number"), .text(localized("Actief betrokken (doel \(Cluster.involvementGoal))", "Actively involved (goal \(Cluster.involvementGoal))"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.cluster.path(row.key) + "?" + selection.kept), .text(row.name)),
                                .if(!row.isGrowthCluster, .text(localized(" (ondersteunend)", " (supporting)")))),
                            .td(.text(row.prefixes.joined(separator: " "))),
                            .td(.class("number"), .text(Format.integer(row.figures.first?.jobs ?? 0))),
                            .td(.class("number"), .text(Format.integer(row.figures.jobs))),
                            .td(.class("number"), .text(row.figures.growth.map { Format.signedPercent($0) } ?? "–")),
                            .td(.class("number"), .text(row.figures.share.map { Format.percent($0) } ?? "–")),
                            .td(.class("number"), .text(Format.integer(row.figures.establishments))),
                            .td(.class("number"), .text(String(row.figures.fastGrowers.count))),
                            .td(.class("number"), .text(row.isGrowthCluster ? "\(model.involved[row.key] ?? 0) / \(Cluster.involvementGoal)" : String(model.involved[row.key] ?? 0))))
                    })),
                .if(!model.archived.isEmpty, .p(.text(localized("Gearchiveerd: ", "Archived: ")),
                    .group(model.archived.enumerated().map { index, cluster in
                        .group(.if(index > 0, .text(", ")), .a(.href(SiteURL.cluster.path(cluster.key)), .text(cluster.name)))
                    }))),
                .p(.class("source"), .text(SourceLine.register(isDemo: model.isDemo, years: [selection.from, selection.to]) + ", " + SourceLine.processed + "."))
            ))
        }
    }
}
