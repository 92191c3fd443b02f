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
                .unwrap(model.archivedOn) { day in
                    .p(.class("badge"), .text(localized("Gearchiveerd op \(CalendarDay(day)?.dutch ?? day): het staat niet meer in de lijsten en de etalage.",
                                                        "Archived on \(CalendarDay(day)?.dutch ?? day): it is no longer in the lists and the showcase.")))
                },
                .if(model.mayEdit, .p(.class("actions"), .a(.class("button"), .href(SiteURL.editCluster.path(model.key)), .text(localized("Cluster bewerken", "Edit cluster"))),
                                      .a(.href(SiteURL.deleteCluster.path(model.key)), .text(localized("Verwijderen of archiveren", "Delete or archive"))))),
                .dl(.class("figures-list"),
                    .dt(.text(localized("Banen \(selection.to)", "Jobs \(selection.to)"))), .dd(.text(Format.integer(figures.jobs))),
                    .dt(.text(localized("Groei sinds \(selection.from)", "Growth since \(selection.from)"))),
                    .dd(.text(figures.growth.map { Format.signedPercent($0) + localized(" (van \(Format.integer(figures.first?.jobs ?? 0)))", " (from \(Format.integer(figures.first?.jobs ?? 0)))") } ?? "–")),
                    .dt(.text(localized("Aandeel in alle banen", "Share of all jobs"))), .dd(.text(figures.share.map { Format.percent($0) } ?? "–")),
                    .dt(.text(localized("Vestigingen \(selection.to)", "Establishments \(selection.to)"))), .dd(.text(Format.integer(figures.establishments))),
                    .dt(.text(localized("Locatiequotiënt (Nederland = 1)", "Location quotient (Netherlands = 1)"))),
                    .dd(.text(figures.locationQuotient.map { Format.decimal($0, digits: 2) } ?? (localized("niet te berekenen: ", "cannot be computed: ") + (figures.locationQuotientGap ?? ""))))),
                .div(.class("chart-block narrow"), LineChart(title: localized("Banen in \(model.name)", "Jobs in \(model.name)"), unit: localized("banen", "jobs"),
                                                      points: figures.years.map { ($0.year, Double($0.jobs)) }, source: source).svg(id: "clusterbanen")),
                involvement,
                .h2(.text(localized("Samenwerking met hoger onderwijs", "Collaboration with higher education"))),
                .p(.text(model.higherEducation.isEmpty
                    ? localized("Nee: geen universiteit of hogeschool actief betrokken in de laatste \(model.rule.months) maanden.",
                                "No: no university or university of applied sciences actively involved in the last \(model.rule.months) months.")
                    : localized("Ja: ", "Yes: ")), .if(!model.higherEducation.isEmpty, Links.list(model.higherEducation.map(\.organisation), to: SiteURL.organisation)),
                   .if(!model.higherEducation.isEmpty, .text(localized(" (laatste activiteit ", " (latest engagement ")
                       + model.higherEducation.map { CalendarDay($0.latest)?.dutch ?? $0.latest }.joined(separator: ", ") + ")."))),
                .h2(.text(localized("Sleutelspelers", "Key players"))),
                .p(.text(model.network.nodes.isEmpty ? localized("Nog geen samenwerkingen of gedeelde activiteiten.", "No collaborations or shared engagements yet.")
                         : localized("Hoogste score in het samenwerkingsnetwerk (\(model.network.nodes.count) organisaties): ",
                                     "Highest score in the collaboration network (\(model.network.nodes.count) organisations): ")),
                   Links.list(Array(model.network.keyPlayers.prefix(5).map(\.organisation)), to: SiteURL.organisation),
                   .text(model.network.nodes.isEmpty ? "" : ". "),
                   .a(.href(SiteURL.clusterNetwork.path(model.key) + "?" + selection.kept), .text(localized("Netwerk en sleutelspelers", "Network and key players")))),
                .h2(.text(localized("Bezocht", "Visited"))),
                .p(.text(model.visitCoverage.map { share in localized(
                    "\(Format.percent(share)) van de banen van het cluster (\(selection.to)) zit bij ondernemingen die een accountmanager de laatste 24 maanden sprak (een contactmoment).",
                    "\(Format.percent(share)) of the cluster's jobs (\(selection.to)) are in enterprises an account manager met in the last 24 months (a contact moment).") }
                    ?? localized("Het cluster heeft geen banen in dit gebied.", "The cluster has no jobs in this area."))),
                enterprises(localized("Grootste werkgevers zonder contact in 24 maanden", "Largest employers without contact in 24 months"), model.notMet),
                .h2(.text(localized("Wat hoort erbij", "What belongs to it"))),
                .ul(.forEach(model.prefixes) { prefix in .li(.code(.text(prefix.code)), .text(prefix.label.isEmpty ? "" : " " + prefix.label)) }),
                .p(.text(localized("Met de hand toegevoegd: ", "Added by hand: ")),
                   model.added.isEmpty ? .text(localized("geen", "none")) : Links.list(model.added, to: SiteURL.organisation)),
                .p(.text(localized("Uitgesloten: ", "Excluded: ")),
                   model.excluded.isEmpty ? .text(localized("geen", "none")) : Links.list(model.excluded, to: SiteURL.organisation)),
                .p(.a(.href(EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: selection.area, year: selection.to, cluster: model.key))),
                      .text(localized("De \(Format.integer(figures.establishments)) vestigingen van het cluster in \(selection.to)",
                                      "The cluster's \(Format.integer(figures.establishments)) establishments in \(selection.to)"))),
                   .text(" · "),
                   .a(.href(EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: selection.area, year: selection.to, cluster: model.key), csv: true)),
                      .text(localized("als CSV", "as CSV")))),
                enterprises(localized("Grootste werkgevers in het cluster (\(selection.to))", "Largest employers in the cluster (\(selection.to))"), model.largest),
                enterprises(localized("Snelle groeiers \(selection.to - 3)-\(selection.to) in het cluster", "Fast growers \(selection.to - 3)-\(selection.to) in the cluster"),
                            model.fastGrowers),
                .p(.class("source"), .text(source))
            ))
        }

        /// Who is actively involved: the count against the strategy's goal (growth clusters), and
        /// each organisation with its latest engagement and when that stops counting.
        private var involvement: Node {
            let count = model.involvement.count
            let kinds = model.rule.kinds.count == Engagement.Kind.allCases.count ? localized("elke soort", "any kind")
                : model.rule.kinds.map(\.label).sorted().joined(separator: ", ")
            return .group(
                .h2(.text(localized("Actief betrokken", "Actively involved"))),
                .p(.class("lead"), .text(model.isGrowthCluster
                    ? localized("\(count) van de \(Cluster.involvementGoal) organisaties die de strategie belooft", "\(count) of the \(Cluster.involvementGoal) organisations the strategy promises")
                        + (count >= Cluster.involvementGoal ? localized(": gehaald.", ": met.") : localized(": nog \(Cluster.involvementGoal - count) te gaan.", ": \(Cluster.involvementGoal - count) to go."))
                    : localized("\(count) organisaties (ondersteunend cluster, zonder doel).", "\(count) organisations (supporting cluster, no goal)."))),
                .p(.class("hint"), .text(localized("Actief betrokken: minstens één activiteit (\(kinds)) in de laatste \(model.rule.months) maanden.",
                                                   "Actively involved: at least one engagement (\(kinds)) in the last \(model.rule.months) months."))),
                .p(.a(.href(SiteURL.engagements.with([("cluster", model.key)])), .text(localized("Alle activiteiten van dit cluster", "All engagements of this cluster"))),
                   .if(model.mayRecord, .group(.text(" · "), .a(.href(SiteURL.newEngagement.with([("cluster", model.key)])),
                                                                .text(localized("Activiteit vastleggen", "Record an engagement")))))),
                model.involvement.isEmpty ? .p(.text(localized("Nog niemand.", "Nobody yet."))) : .table(
                    .caption(.text(localized("Actief betrokken organisaties, wie het eerst vervalt eerst", "Actively involved organisations, first to lapse first"))),
                    .thead(.tr(.th(.text(localized("Organisatie", "Organisation"))), .th(.text(localized("Laatste activiteit", "Latest engagement"))),
                               .th(.text(localized("Telt tot", "Counts until"))))),
                    .tbody(.forEach(model.involvement) { row in
                        let lapsing = row.lapsesOn < model.lapsingBefore
                        return .tr(.if(lapsing, .class("overdue")), .td(.a(.href(SiteURL.organisation.path(row.organisation.id)), .text(row.organisation.name))),
                                   .td(.text(CalendarDay(row.latest)?.dutch ?? row.latest)),
                                   .td(.text((CalendarDay(row.lapsesOn)?.dutch ?? row.lapsesOn) + (lapsing ? localized(" (vervalt binnenkort)", " (lapses soon)") : ""))))
                    })))
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
