import Foundation
import Markup

extension QuestionsIndex {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer

        private var title: String { localized("Ondernemersvragen", "Questions from entrepreneurs") }

        var page: Layout.Page {
            Layout.Page(title: title, isDemo: viewer.seesDemo, current: .questions, viewer: viewer)
        }

        var main: Node {
            let (overview, rows, filter, mayEdit) = (model.overview, model.rows, model.filter, model.mayEdit)
            let link = { (order: ListOrder<Column>) in SiteURL.questions.with(filter.parameters + order.parameters) }
            let all = [("", localized("alle", "all"))]
            let days = { (value: Double?) in value.map { Format.decimal($0) } ?? "–" }
            return .group(
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
                      Forms.select(id: "status", name: "status", options: all + Question.Status.allCases.map { ($0.rawValue, $0.label) },
                                   selected: filter.status?.rawValue ?? ""),
                      .label(.for("kanaal"), .text(localized("kanaal", "channel"))),
                      Forms.select(id: "kanaal", name: "kanaal", options: all + Question.Channel.allCases.map { ($0.rawValue, $0.label) },
                                   selected: filter.channel?.rawValue ?? ""),
                      .label(.for("behandelaar"), .text(localized("behandelaar", "handled by"))),
                      Forms.select(id: "behandelaar", name: "behandelaar", options: all + model.users.map { ($0.id.uuidString, $0.name) },
                                   selected: filter.assignee?.uuidString ?? ""),
                      .unwrap(filter.organisation) { .input(.type(.hidden), .name("organisatie"), .value($0.uuidString)) },
                      .button(.type(.submit), .text(localized("Toon", "Show"))),
                      .if(filter.parameters.contains { $0.1 != nil }, .a(.href(SiteURL.questions.path), .text(localized("alles tonen", "show all"))))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) vragen.", "\(Format.integer(model.total)) questions."))),
                .table(
                    .caption(.text(localized("Vragen", "Questions"))),
                    .thead(.tr(ListControls.header(localized("Ontvangen", "Received"), .received, order: filter.order, latestFirst: true, link: link),
                               .th(.text(localized("Vraag", "Question"))), .th(.text(localized("Kanaal", "Channel"))),
                               .th(.text(localized("Organisatie", "Organisation"))), .th(.text(localized("Doorgezet naar", "Routed to"))),
                               .th(.text(localized("Behandelaar", "Handled by"))), ListControls.header("Status", .status, order: filter.order, link: link))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.text(CalendarDay(row.receivedAt).dutch)), .td(.a(.href(SiteURL.question.path(row.id)), .text(String(row.question.prefix(90))))),
                            .td(.text(row.channel.label)), .td(.unwrap(row.organisation) { .a(.href(SiteURL.organisation.path($0.id)), .text($0.name)) }),
                            .td(.text(row.routedTo ?? "")), .td(.text(row.assignee ?? "")), .td(.text(row.status.label)))
                    })),
                ListControls.pages(page: filter.order.page, pageSize: Model.pageSize, total: model.total) { link(filter.order.page($0)) }
            )
        }
    }
}
