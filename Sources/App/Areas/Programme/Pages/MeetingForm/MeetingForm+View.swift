import Foundation
import Markup

extension MeetingForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.id == nil ? localized("Overleg vastleggen", "Record a meeting") : localized("Overleg bewerken", "Edit meeting")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: model.id == nil ? .newMeeting : .editMeeting, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.driverTeam.path), .text(localized("← Aanjaagteam", "← Driver team")))),
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.meeting.path($0) } ?? SiteURL.meetings.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Datum", "Date"), "date", value: input.date ?? CalendarDay.today.text, problems: problems, type: "date", required: true),
                    Forms.text(localized("Titel", "Title"), "title", value: input.title ?? localized("Aanjaagteam", "Driver team"), problems: problems, required: true),
                    Forms.text(localized("Plaats", "Location"), "location", value: input.location, problems: problems),
                    Forms.picker(localized("Aanwezig", "Present"), "attendees", source: .people, field: model.attendees, multiple: true, problems: problems),
                    Forms.textArea(localized("Verslag", "Minutes"), "minutes", value: input.minutes, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))),
                .unwrap(model.id) { id in
                    Forms.post(SiteURL.deleteMeeting.path(id), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Overleg verwijderen (besluiten over projecten en acties blijven)", "Delete meeting (decisions about projects and actions stay)"))))
                }
            ))
        }
    }
}
