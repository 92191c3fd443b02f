import Foundation
import Markup

extension DriverTeamPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Aanjaagteam", "Driver team")
            let problems = model.problems
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .driverTeam, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Ondernemers, onderwijs en gemeente die samen de uitvoering aanjagen: projecten opstarten, middelen werven en mensen betrekken.",
                    "Entrepreneurs, education and the municipality driving the programme together: starting projects, raising funds and involving people."))),
                .h2(.text(localized("Leden", "Members"))),
                model.members.isEmpty ? .p(.text(localized("Nog geen leden.", "No members yet."))) : .table(
                    .caption(.text(localized("Leden van het aanjaagteam", "Members of the driver team"))),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("Namens", "On behalf of"))), .th(.text(localized("Sinds", "Since"))),
                               .if(model.mayEdit, .th(.class("no-print"), .text(localized("Zetel", "Seat")))))),
                    .tbody(.forEach(model.members) { member in
                        .tr(.td(.a(.href(SiteURL.person.path(member.person.id)), .text(member.person.name))), .td(.text(member.side.label)),
                            .td(.text(CalendarDay(member.since).map(Format.date) ?? member.since)),
                            .if(model.mayEdit, .td(.class("no-print"), Forms.post(SiteURL.endMembership.path(member.id), csrf: viewer.csrfToken, class: "inline",
                                .button(.type(.submit), .class("plain"), .text(localized("Zetel beëindigen", "End seat")))))))
                    })),
                .if(model.mayEdit, .group(
                    .h3(.class("no-print"), .text(localized("Lid toevoegen", "Add a member"))),
                    Forms.post(SiteURL.driverTeamMembers.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                        Forms.picker(localized("Persoon", "Person"), "person", source: .people, field: model.person, multiple: false, required: true, problems: problems),
                        Forms.choice(localized("Namens", "On behalf of"), "side", options: DriverTeamMember.Side.allCases.map { ($0.rawValue, $0.label) },
                                     selected: model.side ?? DriverTeamMember.Side.business.rawValue, problems: problems, required: true),
                        Forms.text(localized("Sinds", "Since"), "since", value: model.since ?? CalendarDay.today.text, problems: problems, type: "date", required: true),
                        .button(.type(.submit), .text(localized("Toevoegen", "Add")))))),
                .h2(.text(localized("Overleggen", "Meetings"))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newMeeting.path), .text(localized("Overleg vastleggen", "Record a meeting"))))),
                model.meetings.isEmpty ? .p(.text(localized("Nog geen overleggen.", "No meetings yet."))) : .table(
                    .caption(.text(localized("Overleggen van het aanjaagteam", "Meetings of the driver team"))),
                    .thead(.tr(.th(.text(localized("Datum", "Date"))), .th(.text(localized("Overleg", "Meeting"))),
                               .th(.class("number"), .text(localized("Besluiten", "Decisions"))), .th(.class("number"), .text(localized("Open acties", "Open actions"))))),
                    .tbody(.forEach(model.meetings) { meeting in
                        .tr(.td(.text(CalendarDay(meeting.date).map(Format.date) ?? meeting.date)), .td(.a(.href(SiteURL.meeting.path(meeting.id)), .text(meeting.title))),
                            .td(.class("number"), .text(String(meeting.decisions))), .td(.class("number"), .text(String(meeting.openActions))))
                    }))
            ))
        }
    }
}
