import Foundation
import Markup

extension MyTasks {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        /// Postpone (a new date) or hand over (another owner) in one small form.
        private func replan(_ row: Row) -> Node {
            let id = row.id.uuidString
            return Forms.post(SiteURL.followUpPlan.path(row.id), csrf: viewer.csrfToken, class: "inline",
                .label(.for("due-\(id)"), .class("visually-hidden"), .text(localized("Nieuwe datum", "New date"))),
                Forms.input([("type", "date"), ("id", "due-\(id)"), ("name", "due_on"), ("value", row.dueOn), ("required", "required")]),
                .label(.for("owner-\(id)"), .class("visually-hidden"), .text(localized("Door", "By"))),
                Forms.select(id: "owner-\(id)", name: "owner", options: model.users.map { ($0.id.uuidString, $0.name) }, selected: model.owner?.uuidString),
                .button(.type(.submit), .class("plain"), .text(localized("Wijzig", "Change"))))
        }

        func render() -> String {
            let (rows, today) = (model.rows, model.today)
            let title = localized("Mijn taken", "My tasks")
            let overdue = rows.filter { $0.dueOn < today.text }.count
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .myTasks, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized("\(rows.count) open vervolgacties, waarvan \(overdue) te laat.", "\(rows.count) open follow-ups, \(overdue) of them overdue."))),
                .table(
                    .caption(.text(localized("Te laat eerst, dan op datum", "Overdue first, then by date"))),
                    .thead(.tr(.th(.text(localized("Uiterlijk", "Due"))), .th(.text(localized("Wat", "What"))), .th(.text(localized("Organisatie of overleg", "Organisation or meeting"))),
                               .th(.text(localized("Klaar?", "Done?"))), .th(.text(localized("Uitstellen of overdragen", "Postpone or hand over"))))),
                    .tbody(.forEach(rows) { row in
                        .tr(.class(row.dueOn < today.text ? "overdue" : ""),
                            .td(.text((CalendarDay(row.dueOn)?.dutch ?? row.dueOn) + (row.dueOn < today.text ? localized(" (te laat)", " (overdue)") : ""))),
                            .td(.text(row.description)),
                            .td(.unwrap(row.organisation) { .a(.href(SiteURL.organisation.path($0.id)), .text($0.name)) },
                                .unwrap(row.meeting) { meeting in .group(.if(row.organisation != nil, .br()),
                                    .a(.href(SiteURL.meeting.path(meeting.id)), .text(localized("Aanjaagteam: ", "Driver team: ") + meeting.title))) }),
                            .td(Forms.post(SiteURL.followUpStatus.path(row.id), csrf: viewer.csrfToken, class: "inline",
                                           Forms.input([("type", "hidden"), ("name", "status"), ("value", FollowUp.Status.done.rawValue)]),
                                           .button(.type(.submit), .text(localized("Gedaan", "Done"))))),
                            .td(replan(row)))
                    })
                )
            ))
        }
    }
}
