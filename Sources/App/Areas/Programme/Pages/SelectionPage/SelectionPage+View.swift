import Foundation
import Markup

extension SelectionPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Programma voor een budget", "Programme for a budget")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .selection, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "De combinatie van projecten met de hoogste totale score waarvan het gemeentelijk deel binnen het budget past — exact uitgerekend, niet 'de besten tot het op is'. Lopende projecten en projecten met 'moet mee' zitten er altijd in en tellen mee in het budget.",
                    "The combination of projects with the highest total score whose municipal shares fit the budget — computed exactly, not 'the best until the money runs out'. Running projects and those marked 'must include' are always in and count against the budget."))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.selection.path),
                      .label(.for("budget"), .text(localized("Budget (euro)", "Budget (euros)"))),
                      Forms.input([("type", "text"), ("id", "budget"), ("name", "budget"), ("value", model.budget ?? ""), ("inputmode", "decimal")]),
                      .label(.for("methode"), .text(localized("score", "score"))),
                      Forms.select(id: "methode", name: "methode", options: ProgrammeRanking.Method.allCases.map { ($0.rawValue, $0.label) }, selected: model.method.rawValue),
                      .button(.type(.submit), .text(localized("Kies", "Choose")))),
                .unwrap(model.problems.first) { .p(.class("notice error-summary"), .attribute(named: "role", value: "alert"), .text($0.reason)) },
                .unwrap(model.selection) { selection in result(selection) },
                .if(!model.left.isEmpty, .group(
                    .h2(.text(localized("Niet meegewogen", "Not weighed"))),
                    .ul(.forEach(model.left) { left in .li(.a(.href(SiteURL.project.path(left.id)), .text(left.name)), .text(": " + left.reason)) })))
            ))
        }

        private func result(_ selection: ProgrammeRanking.Selection) -> Node {
            .group(
                .h2(.text(localized("Gekozen: \(selection.chosen.count + selection.alsoIn.count) projecten", "Chosen: \(selection.chosen.count + selection.alsoIn.count) projects"))),
                .p(.text(localized("Totale score \(Format.decimal(selection.totalScore, digits: 3)) (\(selection.method.label)); gemeentelijk deel \(Format.euros(selection.totalCost)) van \(Format.euros(selection.budget)), over \(Format.euros(selection.budget - selection.totalCost)).",
                                   "Total score \(Format.decimal(selection.totalScore, digits: 3)) (\(selection.method.label)); municipal share \(Format.euros(selection.totalCost)) of \(Format.euros(selection.budget)), \(Format.euros(selection.budget - selection.totalCost)) left."))),
                .table(
                    .caption(.text(localized("Het programma", "The programme"))),
                    .thead(.tr(.th(.text(localized("Project", "Project"))), .th(.class("number"), .text(localized("Plaats", "Rank"))),
                               .th(.class("number"), .text(localized("Score", "Score"))), .th(.class("number"), .text(localized("Gemeente", "Municipality"))),
                               .th(.text(localized("Waarom erin", "Why in"))))),
                    .tbody(.forEach(selection.chosen) { row in
                        .tr(.td(.a(.href(SiteURL.project.path(row.candidate.id)), .text(row.candidate.name))), .td(.class("number"), .text(String(row.rank))),
                            .td(.class("number"), .text(Format.decimal(row.score, digits: 3))), .td(.class("number"), .text(row.candidate.municipalShare.map(Format.euros) ?? "–")),
                            .td(.text(row.candidate.phase.isCommitted ? localized("loopt al", "already running")
                                      : row.candidate.mustInclude ? localized("moet mee", "must include") : localized("beste combinatie", "best combination"))))
                    },
                    .forEach(selection.alsoIn) { project in
                        .tr(.td(.a(.href(SiteURL.project.path(project.id)), .text(project.name))), .td(.class("number"), .text("–")), .td(.class("number"), .text("–")),
                            .td(.class("number"), .text(project.municipalShare.map(Format.euros) ?? "–")),
                            .td(.text(localized("loopt al of moet mee (nog niet op alle criteria beoordeeld)", "running or must include (not yet scored on every criterion)"))))
                    })),
                .if(!selection.missed.isEmpty, .group(
                    .h2(.text(localized("Net niet", "Just missed"))),
                    .table(
                        .caption(.text(localized("De best scorende projecten die er niet in zitten", "The best-scoring projects left out"))),
                        .thead(.tr(.th(.text(localized("Project", "Project"))), .th(.class("number"), .text(localized("Score", "Score"))),
                                   .th(.class("number"), .text(localized("Gemeente", "Municipality"))), .th(.text(localized("Waarom niet", "Why not"))))),
                        .tbody(.forEach(selection.missed) { missed in
                            .tr(.td(.a(.href(SiteURL.project.path(missed.row.candidate.id)), .text(missed.row.candidate.name))),
                                .td(.class("number"), .text(Format.decimal(missed.row.score, digits: 3))),
                                .td(.class("number"), .text(missed.row.candidate.municipalShare.map(Format.euros) ?? "–")), .td(.text(missed.reason)))
                        })))),
                .if(!selection.unpriced.isEmpty, .p(.class("hint"), .text(localized("Zonder gemeentelijk deel, dus niet meegewogen: ", "Without a municipal share, so not weighed: ")
                    + selection.unpriced.map(\.name).joined(separator: ", "))))
            )
        }
    }
}
