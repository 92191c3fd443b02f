import Foundation
import Markup

extension FuturesIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Toekomst", "Futures")
            let matrix = model.matrix
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .futures, viewer: viewer), main: .group(
                .h1(.text(localized("Toekomst: welk beleid houdt stand?", "Futures: which policy holds up?"))),
                .p(.class("lead"), .text(localized(
                    "Elke beleidsoptie krijgt per toekomstscenario een score; zes maatstaven wegen die scores elk op hun eigen manier. Een optie die bij de meeste maatstaven bovenaan staat, is robuust: ze werkt ook als de toekomst anders loopt dan gedacht. Signalen bewaken de gegevens op tekenen dat een scenario werkelijkheid wordt.",
                    "Each policy option gets a score in each scenario of the future; six metrics weigh those scores each in their own way. An option on top for most metrics is robust: it works even when the future turns out differently than expected. Signposts watch the data for signs that a scenario is unfolding."))),
                FuturesFigures.alerts(model.alerts, viewer: viewer, mayAcknowledge: model.mayEdit),
                .h2(.text(localized("Conclusie", "Conclusion"))),
                .p(.class("notice"), .strong(.text(matrix.conclusion())),
                   .if(model.isTrial, .text(localized(" (met geprobeerde instellingen, niet opgeslagen)", " (with tried settings, not saved)")))),
                matrixTable(),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.robustnessScores.path), .text(localized("Scores geven of wijzigen", "Give or change scores"))))),
                metricsTable(),
                settings(),
                signposts(),
                .h2(.text(localized("Scenario's en beleidsopties", "Scenarios and policy options"))),
                .div(.class("columns"),
                     items(localized("Scenario's", "Scenarios"), matrix.scenarios, kind: .scenario),
                     items(localized("Beleidsopties", "Policy options"), matrix.options, kind: .option))
            ))
        }

        private func matrixTable() -> Node {
            let matrix = model.matrix
            guard !matrix.options.isEmpty, !matrix.scenarios.isEmpty else {
                return .p(.text(localized("Voeg eerst scenario's en beleidsopties toe.", "Add scenarios and policy options first.")))
            }
            return .div(.class("table-scroll"), .table(
                .caption(.text(localized("Score per optie en scenario (mediaan van de beoordelaars, schaal \(RobustnessMatrix.scaleText))",
                                         "Score per option and scenario (median of the assessors, scale \(RobustnessMatrix.scaleText))"))),
                .thead(.tr(.th(.text(localized("Optie", "Option"))), .forEach(matrix.scenarios) { scenario in
                    .th(.class("number"), .a(.href(SiteURL.scenario.path(scenario.key)), .text(scenario.name)))
                })),
                .tbody(.forEach(Array(matrix.options.enumerated())) { o, option in
                    .tr(.th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.policyOption.path(option.key)), .text(option.name))),
                        .forEach(matrix.scenarios.indices) { s in
                            guard let cell = matrix.cell(o, s) else { return .td(.class("number"), .text("–")) }
                            return .td(.class("number"), .strong(.text(Format.figure(cell.median))),
                                       .span(.class("hint"), .text(cell.count > 1 ? " (\(cell.lowest)–\(cell.highest), \(cell.count)×)" : " (1×)")),
                                       .if(cell.disagreement, .span(.class("hint"), .title(localized("de beoordelaars liggen 2 punten of meer uiteen", "the assessors are 2 points or more apart")), .text(" ≠"))))
                        })
                })),
                .p(.class("hint"), .text(localized("Tussen haakjes de laagste en hoogste score en het aantal beoordelaars; ≠: ze liggen twee punten of meer uiteen.",
                                                   "In brackets the lowest and highest score and the number of assessors; ≠: they lie two points or more apart."))))
        }

        private func metricsTable() -> Node {
            let matrix = model.matrix
            let results = matrix.metrics()
            guard !results.isEmpty, let summary = matrix.summary() else { return .empty }
            return .group(
                .h2(.text(localized("Zes maatstaven voor robuustheid", "Six robustness metrics"))),
                .div(.class("table-scroll"), .table(
                    .caption(.text(localized("Waarde per optie (plaats); vet: de voorkeur van de maatstaf", "Value per option (rank); bold: the metric's preference"))),
                    .thead(.tr(.th(.text(localized("Maatstaf", "Metric"))), .forEach(matrix.options) { .th(.class("number"), .text($0.name)) })),
                    .tbody(.forEach(results) { result in
                        .tr(.th(.attribute(named: "scope", value: "row"), .strong(.text(result.metric.name)), .br(),
                                .span(.class("hint"), .text(result.metric.explanation(matrix.settings)))),
                            .forEach(matrix.options.indices) { o in
                                let text = Self.value(result.values[o], metric: result.metric) + " (\(result.ranks[o]))"
                                return .td(.class("number"), result.preferred.contains(o) ? .strong(.text(text)) : .text(text))
                            })
                    }, .tr(.th(.attribute(named: "scope", value: "row"), .text(localized("Voorkeur van", "Preferred by"))),
                           .forEach(matrix.options.indices) { o in
                               .td(.class("number"), .text(localized("\(summary.preferredBy[o].count) van \(summary.metricCount)", "\(summary.preferredBy[o].count) of \(summary.metricCount)")))
                           })))))
        }

        static func value(_ value: Double, metric: RobustnessMatrix.Metric) -> String {
            metric == .satisficing ? Format.percent(value, digits: 0) : Format.decimal(value, digits: 2)
        }

        private func settings() -> Node {
            let problems = model.problems
            let fields: Node = .group(
                Forms.text(localized("Optimisme-weging (Hurwicz), 0 tot 1", "Optimism weight (Hurwicz), 0 to 1"), "optimism",
                           value: model.settingsFields.optimism ?? Format.plain(model.matrix.settings.optimism), problems: problems),
                Forms.text(localized("Drempel voor 'voldoende' (op de schaal)", "Threshold for satisficing (on the scale)"), "threshold",
                           value: model.settingsFields.threshold ?? Format.plain(model.matrix.settings.threshold), problems: problems))
            return .details(.class("no-print"), .flag("open", !problems.isEmpty),
                .summary(.text(localized("Instellingen: optimisme \(Format.decimal(model.saved.optimism, digits: 2)), drempel \(Format.figure(model.saved.threshold))",
                                         "Settings: optimism \(Format.decimal(model.saved.optimism, digits: 2)), threshold \(Format.figure(model.saved.threshold))"))),
                .form(.class("stacked"), .method(.get), .action(SiteURL.futures.path), fields, .button(.type(.submit), .text(localized("Probeer", "Try")))),
                .if(model.mayEdit, Forms.post(SiteURL.futuresSettings.path, csrf: viewer.csrfToken, problems: problems, fields,
                                              .button(.type(.submit), .text(localized("Instellingen opslaan", "Save settings"))))))
        }

        private func signposts() -> Node {
            .group(
                .h2(.text(localized("Signalen", "Signposts"))),
                .p(.class("hint"), .text(FuturesFigures.rules)),
                model.signposts.isEmpty ? .p(.text(localized("Nog geen signalen.", "No signposts yet."))) : SignpostsIndex.table(model.signposts),
                .p(.a(.href(SiteURL.signposts.path), .text(localized("Alle signalen →", "All signposts →"))),
                   .if(model.mayEdit, .group(.text(" · "), .a(.href(SiteURL.newSignpost.path), .text(localized("Nieuw signaal", "New signpost")))))))
        }

        private func items(_ heading: String, _ items: [RobustnessMatrix.Item], kind: FuturesItem.Kind) -> Node {
            .div(.h3(.text(heading)),
                 .ul(.forEach(items) { item in .li(.a(.href(kind.page.path(item.key)), .text(item.name))) }),
                 .if(model.mayEdit, .p(.a(.href(kind.newPage.path), .text(kind == .scenario ? localized("Nieuw scenario", "New scenario") : localized("Nieuwe beleidsoptie", "New policy option"))))))
        }
    }
}
