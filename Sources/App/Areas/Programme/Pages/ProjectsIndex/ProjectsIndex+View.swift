import Foundation
import Markup

extension ProjectsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let title = localized("Uitvoeringsprogramma", "Execution programme")
            let filter = model.filter
            let csv = SiteURL.projects.with(filter.parameters + [("formaat", "csv")])
            return Layout.render(Layout.Page(title: title, isDemo: viewer?.seesDemo, current: .projects, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "De projecten waarmee het Economisch Perspectief wordt uitgevoerd, gekozen op vijf criteria: impact, vliegwiel, businesscase, eigenaarschap en samenwerking.",
                    "The projects that carry out the Economisch Perspectief, chosen on five criteria: impact, leverage (vliegwiel), business case, ownership and collaboration."))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newProject.path), .text(localized("Nieuw project", "New project"))))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.projects.path),
                      .label(.for("fase"), .text(localized("Fase", "Phase"))),
                      Forms.select(id: "fase", name: "fase", options: [("", localized("alle", "all"))] + Project.Phase.allCases.map { ($0.rawValue, $0.label) },
                                   selected: filter.phase?.rawValue ?? ""),
                      .label(.for("cluster"), .text(localized("cluster", "cluster"))),
                      Forms.select(id: "cluster", name: "cluster", options: [("", localized("alle", "all"))] + model.clusters.map { ($0.key, $0.name) },
                                   selected: filter.cluster ?? ""),
                      .label(.for("doel"), .text(localized("doel", "goal"))),
                      Forms.select(id: "doel", name: "doel", options: [("", localized("alle", "all"))] + model.goals.map { ($0.key, $0.name) },
                                   selected: filter.goal ?? ""),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                .p(.text(localized("\(Format.integer(model.rows.count)) projecten.", "\(Format.integer(model.rows.count)) projects."))),
                model.rows.isEmpty ? .p(.text(localized("Geen projecten met deze keuze.", "No projects for this choice."))) : .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Project", "Project"))), .th(.text(localized("Fase", "Phase"))), .th(.text(localized("Trekker", "Lead"))),
                               .th(.text(localized("Clusters", "Clusters"))), .th(.class("number"), .text(localized("Budget", "Budget"))),
                               .th(.class("number"), .text(localized("Gemeente", "Municipality"))), .th(.text(localized("Volgende mijlpaal", "Next milestone"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.project.path(row.id)), .text(row.name)), .if(row.mustInclude, .span(.class("tag"), .text(localized(" moet mee", " must include"))))),
                            .td(.text(row.phase.label), .br(), .span(.class("hint"), .text(localized("sinds ", "since ") + (CalendarDay(row.phaseSince).map(Format.date) ?? row.phaseSince)))),
                            .td(.text(row.lead ?? "–")),
                            .td(.text(row.clusters.joined(separator: ", "))),
                            .td(.class("number"), .text(row.budgetTotal.map(Format.euros) ?? "–")),
                            .td(.class("number"), .text(row.budgetMunicipal.map(Format.euros) ?? "–")),
                            .td(.unwrap(row.nextMilestone) { milestone in .group(.text(milestone.what + " "),
                                .span(.class("hint"), .text("(" + (CalendarDay(milestone.dueOn).map(Format.date) ?? milestone.dueOn) + ")"))) }))
                    })),
                Downloads.links(csv, localized("Download deze lijst", "Download this list"))
            ))
        }
    }
}
