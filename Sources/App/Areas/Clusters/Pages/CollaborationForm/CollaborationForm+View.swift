import Foundation
import Markup

extension CollaborationForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.id == nil ? localized("Samenwerking vastleggen", "Record a collaboration") : localized("Samenwerking bewerken", "Edit collaboration")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .collaborations, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.collaborations.path), .text(localized("← Samenwerkingen", "← Collaborations")))),
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.collaboration.path($0) } ?? SiteURL.collaborations.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.picker(localized("Organisatie", "Organisation"), "first", source: .organisations, field: model.first, multiple: false, required: true, problems: problems),
                    Forms.picker(localized("Werkt samen met", "Works with"), "second", source: .organisations, field: model.second, multiple: false, required: true, problems: problems),
                    Forms.choice(localized("Soort", "Kind"), "kind", options: Collaboration.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.kind ?? Collaboration.Kind.projectPartnership.rawValue, problems: problems, required: true),
                    Forms.choice(localized("Sterkte", "Strength"), "strength",
                                 options: Collaboration.strengths.map { (String($0), Self.strengthLabel($0)) }, selected: input.strength ?? "3", problems: problems, required: true),
                    Forms.text(localized("Vanaf (optioneel)", "From (optional)"), "started_on", value: input.startedOn, problems: problems, type: "date"),
                    Forms.text(localized("Tot en met (optioneel)", "Until (optional)"), "ended_on", value: input.endedOn, problems: problems, type: "date"),
                    Forms.textArea(localized("Notities", "Notes"), "notes", value: input.notes, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))),
                .unwrap(model.id) { id in
                    Forms.post(SiteURL.deleteCollaboration.path(id), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Verwijderen", "Delete"))))
                }
            ))
        }

        static func strengthLabel(_ strength: Int) -> String {
            switch strength {
            case 1: localized("1 – licht (een enkele keer)", "1 – light (once)")
            case 5: localized("5 – strategisch (langdurig, op directieniveau)", "5 – strategic (lasting, at board level)")
            default: String(strength)
            }
        }
    }
}
