import Foundation
import Markup

extension RankingPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Rangorde van de projecten", "Ranking of the projects")
            let ranking = model.ranking
            let wsm = ranking.rows(.wsm), topsis = Dictionary(uniqueKeysWithValues: ranking.rows(.topsis).map { ($0.candidate.id, $0) })
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .ranking, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Per project de mediaan van de beoordelaars op elk criterium, gewogen. Twee methoden naast elkaar: de gewogen som (elk criterium min-max geschaald naar 0–1) en TOPSIS (nabijheid tot het ideale project). Waar ze verschillen, telt de keuze van methode.",
                    "Per project the assessors' median on each criterion, weighted. Two methods side by side: the weighted sum (each criterion min-max scaled to 0–1) and TOPSIS (closeness to the ideal project). Where they differ, the choice of method matters."))),
                weights(),
                wsm.isEmpty ? .p(.text(localized("Nog geen project heeft een score op alle vijf criteria.", "No project has a score on all five criteria yet."))) : .group(
                    agreement(),
                    .table(.class("wide"),
                        .caption(.text(localized("Rangorde bij deze gewichten", "Ranking at these weights"))),
                        .thead(.tr(.th(.class("number"), .text(localized("# som", "# sum"))), .th(.text(localized("Project", "Project"))),
                                   .th(.class("number"), .text(localized("Gewogen som", "Weighted sum"))),
                                   .th(.class("number"), .text("# TOPSIS")), .th(.class("number"), .text("TOPSIS")),
                                   .forEach(Criterion.allCases) { .th(.class("number"), .text($0.name)) })),
                        .tbody(.forEach(wsm) { row in
                            let other = topsis[row.candidate.id]
                            return .tr(.td(.class("number"), .text(String(row.rank))),
                                       .td(.a(.href(SiteURL.project.path(row.candidate.id)), .text(row.candidate.name))),
                                       .td(.class("number"), .text(Format.decimal(row.score, digits: 3))),
                                       .td(.class("number"), .if(other?.rank != row.rank, .strong(.text(other.map { String($0.rank) } ?? "–"))),
                                           .if(other?.rank == row.rank, .text(other.map { String($0.rank) } ?? "–"))),
                                       .td(.class("number"), .text(other.map { Format.decimal($0.score, digits: 3) } ?? "–")),
                                       .forEach(row.candidate.medians) { .td(.class("number"), .text(Format.figure($0))) })
                        })),
                    .p(.class("hint"), .text(localized("Een vetgedrukte TOPSIS-plaats wijkt af van de plaats bij de gewogen som. Gelijke scores delen een plaats.",
                                                       "A TOPSIS rank in bold differs from the weighted-sum rank. Equal scores share a rank."))),
                    sensitivity(.wsm), sensitivity(.topsis),
                    .p(.a(.class("button"), .href(SiteURL.selection.path), .text(localized("Kies het programma voor een budget →", "Choose the programme for a budget →"))))),
                .if(!ranking.left.isEmpty, .group(
                    .h2(.text(localized("Niet gerangschikt", "Not ranked"))),
                    .ul(.forEach(ranking.left) { left in .li(.a(.href(SiteURL.project.path(left.id)), .text(left.name)), .text(": " + left.reason)) })))
            ))
        }

        private func weights() -> Node {
            let problems = model.problems
            let fields: [Node] = Criterion.allCases.map { criterion in
                Forms.text(criterion.name, "w_\(criterion.rawValue)", value: model.weightFields[criterion], problems: problems)
            }
            return .group(
                .h2(.text(localized("Gewichten", "Weights"))),
                .p(.text(Criterion.allCases.map { "\($0.name) \(Format.percent(model.ranking.weights.values[$0] ?? 0, digits: 0))" }.joined(separator: " · ")),
                   .if(model.isTrial, .strong(.text(localized(" — geprobeerd, niet opgeslagen", " — tried, not saved"))))),
                .p(.class("hint"), .text(localized("Waarom deze gewichten: ", "Why these weights: ") + (model.saved.reason ?? localized("gelijke gewichten (standaard)", "equal weights (the default)")))),
                .details(.class("no-print"), .summary(.text(localized("Andere gewichten proberen of vastleggen", "Try or set other weights"))),
                    .form(.class("stacked"), .method(.get), .action(SiteURL.ranking.path), .group(fields),
                          .p(.class("hint"), .text(localized("Getallen van 0 of meer; ze worden geschaald zodat ze samen 1 zijn.", "Numbers of 0 or more; they are scaled to sum to 1."))),
                          .button(.type(.submit), .text(localized("Probeer", "Try")))),
                    .if(model.mayEdit, Forms.post(SiteURL.programmeWeights.path, csrf: viewer.csrfToken, problems: problems, .group(fields),
                        Forms.textArea(localized("Waarom deze gewichten", "Why these weights"), "reason", value: model.reason, problems: problems),
                        .button(.type(.submit), .text(localized("Gewichten opslaan", "Save weights"))))))
            )
        }

        private func agreement() -> Node {
            let ranking = model.ranking
            let differences = ranking.disagreements()
            let topWSM = ranking.rows(.wsm).filter { $0.rank == 1 }.map(\.candidate.name), topTOPSIS = ranking.rows(.topsis).filter { $0.rank == 1 }.map(\.candidate.name)
            if differences.isEmpty {
                return .p(.class("notice"), .text(localized("Beide methoden geven dezelfde rangorde.", "Both methods give the same ranking.")))
            }
            return .div(.class("notice"), .attribute(named: "role", value: "note"),
                .p(.strong(.text(topWSM == topTOPSIS
                    ? localized("De methoden zijn het eens over de nummer één (\(topWSM.joined(separator: ", "))), niet over de rest.",
                                "The methods agree on the top project (\(topWSM.joined(separator: ", "))), not on the rest.")
                    : localized("De methoden zijn het oneens over de nummer één: gewogen som \(topWSM.joined(separator: ", ")), TOPSIS \(topTOPSIS.joined(separator: ", ")).",
                                "The methods disagree on the top project: weighted sum \(topWSM.joined(separator: ", ")), TOPSIS \(topTOPSIS.joined(separator: ", ")).")))),
                .p(.text(localized("Anders gerangschikt: ", "Ranked differently: ")
                    + differences.map { localized("\($0.name) (\($0.wsm) tegen \($0.topsis))", "\($0.name) (\($0.wsm) against \($0.topsis))") }.joined(separator: "; "))))
        }

        private func sensitivity(_ method: ProgrammeRanking.Method) -> Node {
            guard let result = model.ranking.sensitivity(method) else { return .empty }
            let (top, criteria) = result
            let move = { (move: ProgrammeRanking.Sensitivity.Move?, from: Double) -> Node in
                guard let move else { return .text(localized("blijft bovenaan", "stays on top")) }
                return .group(.text(localized("bij \(Format.percent(move.weight, digits: 1)) (\(Format.signedPercent(move.weight - from, digits: 1))): ",
                                              "at \(Format.percent(move.weight, digits: 1)) (\(Format.signedPercent(move.weight - from, digits: 1))): ")),
                              .a(.href(SiteURL.project.path(move.newTopID)), .text(move.newTop)))
            }
            return .group(
                .h2(.text(localized("Hoe robuust is de nummer één? (\(method.label))", "How robust is the top project? (\(method.label))"))),
                .p(.text(localized("Nu bovenaan: ", "On top now: ")), .a(.href(SiteURL.project.path(top.id)), .text(top.name)),
                   .text(localized(". Per criterium: hoe ver het gewicht omhoog of omlaag moet (de andere gewichten schuiven naar verhouding mee) voordat een ander project bovenaan komt.",
                                   ". Per criterion: how far its weight must move up or down (the other weights moving in proportion) before another project comes out on top."))),
                .table(
                    .caption(.text(localized("Gevoeligheid voor de gewichten (\(method.label))", "Sensitivity to the weights (\(method.label))"))),
                    .thead(.tr(.th(.text(localized("Criterium", "Criterion"))), .th(.class("number"), .text(localized("Gewicht", "Weight"))),
                               .th(.text(localized("Omhoog", "Up"))), .th(.text(localized("Omlaag", "Down"))))),
                    .tbody(.forEach(criteria) { row in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(row.criterion.name)), .td(.class("number"), .text(Format.percent(row.weight, digits: 1))),
                            .td(move(row.up, row.weight)), .td(move(row.down, row.weight)))
                    }))
            )
        }
    }
}
