import Foundation
import Markup

extension ClusterNetworkPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let network = model.network
            let selection = model.selection
            let title = localized("Netwerk van \(model.name) in \(selection.name), \(selection.from)-\(selection.to)",
                                  "Network of \(model.name) in \(selection.name), \(selection.from)-\(selection.to)")
            let source = SourceLine.register(isDemo: model.isDemo, years: [selection.from, selection.to]) + ", " + SourceLine.processed + "."
            let names = Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.organisation.id, $0.organisation.name) })
            let weights = ClusterNetwork.Score.weights
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .clusterNetwork, viewer: viewer, selection: selection.kept), main: .group(
                .p(.a(.href(SiteURL.cluster.path(model.key) + "?" + selection.kept), .text(localized("← \(model.name)", "← \(model.name)")))),
                .h1(.text(title)),
                Forms.selection(.clusterNetwork, selection, years: .period, action: SiteURL.clusterNetwork.path(model.key)),
                .p(.class("hint"), .text(localized(
                    "Een verbinding is een samenwerking die vandaag loopt (vastgelegd bij Samenwerkingen) of een activiteit van dit cluster die twee organisaties de laatste \(ClusterNetwork.engagementMonths) maanden deelden. Het netwerk bevat de organisaties van het cluster en hun partners.",
                    "A link is a collaboration running today (recorded under Collaborations) or an engagement of this cluster two organisations shared in the last \(ClusterNetwork.engagementMonths) months. The network holds the cluster's organisations and their partners."))),
                .p(.a(.href(SiteURL.collaborations.path), .text(localized("Alle samenwerkingen", "All collaborations"))),
                   .if(model.mayRecord, .group(.text(" · "), .a(.href(SiteURL.newCollaboration.path), .text(localized("Samenwerking vastleggen", "Record a collaboration")))))),
                network.nodes.isEmpty ? .p(.text(localized("Nog geen verbindingen.", "No links yet."))) : .group(
                    .div(.class("chart-block"), chart.svg(id: "clusternetwerk")),
                    .h3(.text(localized("Sleutelspelers", "Key players"))),
                    .p(.text(localized(
                        "De score telt vier delen op, elk van 0 tot 1: centraliteit (het gemiddelde van graad, tussenpositie en eigenvector, elk gedeeld door de hoogste in het netwerk) × \(Format.decimal(weights.centrality, digits: 2)), banen (logaritmisch, de grootste werkgever van het netwerk = 1) × \(Format.decimal(weights.jobs, digits: 2)), groei van de banen \(model.selection.from)-\(model.selection.to) (0 bij krimp, 1 bij verdubbeling) × \(Format.decimal(weights.growth, digits: 2)) en snelle groeier (OECD, 1 of 0) × \(Format.decimal(weights.fastGrower, digits: 2)).",
                        "The score adds four parts, each from 0 to 1: centrality (the mean of degree, betweenness and eigenvector, each divided by the network's highest) × \(Format.decimal(weights.centrality, digits: 2)), jobs (log scale, the network's largest employer = 1) × \(Format.decimal(weights.jobs, digits: 2)), growth of jobs \(model.selection.from)-\(model.selection.to) (0 when shrinking, 1 when doubling) × \(Format.decimal(weights.growth, digits: 2)) and fast grower (OECD, 1 or 0) × \(Format.decimal(weights.fastGrower, digits: 2))."))),
                    .div(.class("table-scroll"), .table(
                        .caption(.text(localized("Sleutelspelers, hoogste score eerst", "Key players, highest score first"))),
                        .thead(.tr(.th(.text("#")), .th(.text(localized("Organisatie", "Organisation"))),
                                   .th(.class("number"), .text(localized("Graad", "Degree"))), .th(.class("number"), .text(localized("Tussenpositie", "Betweenness"))),
                                   .th(.class("number"), .text("Eigenvector")), .th(.class("number"), .text(localized("Banen \(model.selection.to)", "Jobs \(model.selection.to)"))),
                                   .th(.class("number"), .text(localized("Groei", "Growth"))), .th(.text(localized("Snelle groeier", "Fast grower"))),
                                   .th(.text(localized("Score (centraliteit · banen · groei · snelle groeier)", "Score (centrality · jobs · growth · fast grower)"))))),
                        .tbody(.forEach(Array(network.keyPlayers.enumerated())) { index, node in
                            .tr(.td(.text(String(index + 1))),
                                .td(.a(.href(SiteURL.organisation.path(node.organisation.id)), .text(node.organisation.name)), .text(node.inCluster ? "" : localized(" (partner)", " (partner)"))),
                                .td(.class("number"), .text(Format.decimal(node.degree, digits: 3))), .td(.class("number"), .text(Format.decimal(node.betweenness, digits: 3))),
                                .td(.class("number"), .text(Format.decimal(node.eigenvector, digits: 3))), .td(.class("number"), .text(Format.integer(node.jobs))),
                                .td(.class("number"), .text(node.growth.map { Format.signedPercent($0) } ?? "–")),
                                .td(.text(node.isFastGrower ? localized("ja", "yes") : localized("nee", "no"))),
                                .td(.strong(.text(Format.decimal(node.score.total, digits: 2))),
                                    .text(" (" + [node.score.centrality, node.score.jobs, node.score.growth, node.score.fastGrower].map { Format.decimal($0, digits: 2) }.joined(separator: " · ") + ")")))
                        }))),
                    .details(.summary(.text(localized("Alle \(network.links.count) verbindingen als tabel", "All \(network.links.count) links as a table"))),
                        .div(.class("table-scroll"), .table(
                            .caption(.text(localized("Verbindingen, zwaarste eerst", "Links, heaviest first"))),
                            .thead(.tr(.th(.text(localized("Organisatie", "Organisation"))), .th(.text(localized("Met", "With"))),
                                       .th(.text(localized("Samenwerking", "Collaboration"))), .th(.class("number"), .text(localized("Sterkte", "Strength"))),
                                       .th(.class("number"), .text(localized("Gedeelde activiteiten", "Shared engagements"))))),
                            .tbody(.forEach(network.links) { link in
                                .tr(.td(.a(.href(SiteURL.organisation.path(link.first)), .text(names[link.first] ?? ""))),
                                    .td(.a(.href(SiteURL.organisation.path(link.second)), .text(names[link.second] ?? ""))),
                                    .td(.text(link.kinds.isEmpty ? "–" : link.kinds.map(\.label).joined(separator: ", "))),
                                    .td(.class("number"), .text(link.strength > 0 ? String(link.strength) : "–")),
                                    .td(.class("number"), .text(String(link.sharedEngagements))))
                            }))))
                ),
                .p(.class("source"), .text(source))
            ))
        }

        /// At most the 40 highest-scoring organisations, grouped by kind around the circle.
        private var chart: NetworkChart {
            let kinds = Organisation.Kind.allCases
            let shown = model.network.nodes.prefix(ClusterNetworkPage.drawnNodes).sorted {
                (kinds.firstIndex(of: $0.kind) ?? 0, $0.organisation.name) < (kinds.firstIndex(of: $1.kind) ?? 0, $1.organisation.name)
            }
            let ids = Set(shown.map(\.organisation.id))
            let names = Dictionary(uniqueKeysWithValues: shown.map { ($0.organisation.id, $0.organisation.name) })
            let more = model.network.nodes.count - shown.count
            return NetworkChart(
                title: localized("Wie werkt samen in \(model.name)", "Who works together in \(model.name)")
                    + (more > 0 ? localized(" (de \(shown.count) sleutelspelers met de hoogste score)", " (the \(shown.count) key players with the highest score)") : ""),
                nodes: shown.map { node in
                    NetworkChart.Node(id: node.organisation.id.uuidString, label: node.organisation.name, size: Double(node.jobs), group: kinds.firstIndex(of: node.kind) ?? 0,
                                      title: "\(node.organisation.name): \(node.kind.label), \(Format.integer(node.jobs)) \(localized("banen", "jobs")), score \(Format.decimal(node.score.total, digits: 2))",
                                      link: SiteURL.organisation.path(node.organisation.id))
                },
                links: model.network.links.filter { ids.contains($0.first) && ids.contains($0.second) }.map { link in
                    NetworkChart.Link(first: link.first.uuidString, second: link.second.uuidString, weight: link.weight, isSecondary: link.kinds.isEmpty,
                                      title: "\(names[link.first] ?? "") – \(names[link.second] ?? ""): "
                                          + (link.kinds.isEmpty ? "" : link.kinds.map(\.label).joined(separator: ", ") + "; ")
                                          + localized("\(link.sharedEngagements) gedeelde activiteiten", "\(link.sharedEngagements) shared engagements"))
                },
                legend: kinds.map(\.label),
                linkLegend: (localized("samenwerking", "collaboration"), localized("alleen gedeelde activiteiten", "shared engagements only")),
                source: localized("Bron: Relaties (samenwerkingen en activiteiten), registerbanen; grootte naar banen.",
                                  "Source: Relations (collaborations and engagements), register jobs; size by jobs."))
        }
    }
}
