import Foundation
import Markup

extension EngagementForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.id == nil ? localized("Activiteit vastleggen", "Record an engagement") : localized("Activiteit bewerken", "Edit engagement")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .engagements, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.engagement.path($0) } ?? SiteURL.engagements.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Datum", "Date"), "date", value: input.date ?? CalendarDay.today.text, problems: problems, type: "date", required: true),
                    Forms.choice(localized("Soort", "Kind"), "kind", options: Engagement.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.kind ?? Engagement.Kind.event.rawValue, problems: problems, required: true),
                    Forms.checkboxes(localized("Clusters", "Clusters"), "clusters", options: model.clusters, selected: Set(input.clusters?.items ?? []), problems: problems),
                    Forms.picker(localized("Organisaties", "Organisations"), "organisations", source: .organisations, field: model.organisations,
                                 multiple: true, required: true, problems: problems),
                    Forms.picker(localized("Personen (optioneel)", "People (optional)"), "people", source: .people, field: model.people, multiple: true, problems: problems),
                    Forms.textArea(localized("Notities", "Notes"), "notes", value: input.notes, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))),
                .unwrap(model.id) { id in
                    Forms.post(SiteURL.deleteEngagement.path(id), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Verwijderen", "Delete"))))
                }
            ))
        }
    }
}
