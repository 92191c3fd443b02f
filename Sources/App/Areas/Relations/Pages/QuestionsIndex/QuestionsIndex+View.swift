import Foundation
import Markup

extension QuestionsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (overview, rows, status, mayEdit) = (model.overview, model.rows, model.status, model.mayEdit)
            let title = localized("Ondernemersvragen", "Questions from entrepreneurs")
            let days = { (value: Double?) in value.map { Format.decimal($0) } ?? "–" }
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .questions, viewer: viewer), main: .group(
                .h1(.text(title)),
                .if(mayEdit, .p(.a(.class("button"), .href(SiteURL.newQuestion.path), .text(localized("Vraag registreren", "Register a question"))))),
                .p(.class("lead"), .text(Question.Status.allCases.map { "\($0.label): \(overview.byStatus[$0] ?? 0)" }.joined(separator: " · "))),
                .table(
                    .caption(.text(localized("Doorlooptijden in dagen", "Handling times in days"))),
                    .thead(.tr(.th(.text(localized("Kanaal", "Channel"))), .th(.class("number"), .text(localized("Vragen", "Questions"))),
                               .th(.class("number"), .text(localized("Mediaan tot eerste antwoord", "Median to first answer"))),
                               .th(.class("number"), .text(localized("Gemiddeld tot eerste antwoord", "Average to first answer"))),
                               .th(.class("number"), .text(localized("Mediaan tot afsluiten", "Median to closing"))))),
                    .tbody(.forEach(overview.times) { times in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(times.label)), .td(.class("number"), .text(String(times.count))),
                            .td(.class("number"), .text(days(times.medianDaysToAnswer))), .td(.class("number"), .text(days(times.averageDaysToAnswer))),
                            .td(.class("number"), .text(days(times.medianDaysToClose))))
                    })),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.questions.path),
                      .label(.for("status"), .text(localized("Status", "Status"))),
                      Forms.select(id: "status", name: "status", options: [("", localized("alle", "all"))] + Question.Status.allCases.map { ($0.rawValue, $0.label) },
                                   selected: status?.rawValue ?? ""),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                .table(
                    .caption(.text(localized("Vragen, nieuwste eerst", "Questions, latest first"))),
                    .thead(.tr(.th(.text(localized("Ontvangen", "Received"))), .th(.text(localized("Vraag", "Question"))), .th(.text(localized("Kanaal", "Channel"))),
                               .th(.text(localized("Organisatie", "Organisation"))), .th(.text(localized("Doorgezet naar", "Routed to"))), .th(.text("Status")))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.text(CalendarDay(row.receivedAt).dutch)), .td(.a(.href(SiteURL.question.path(row.id)), .text(String(row.question.prefix(90))))),
                            .td(.text(row.channel.label)), .td(.text(row.organisation ?? "")), .td(.text(row.routedTo ?? "")), .td(.text(row.status.label)))
                    }))
            ))
        }
    }
}
