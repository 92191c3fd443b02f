import Foundation
import Markup

extension ClusterRemoval {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("\(model.name) verwijderen of archiveren", "Delete or archive \(model.name)")
            let action = SiteURL.deleteCluster.path(model.key)
            let button = { (value: String, label: String, secondary: Bool) -> Node in
                .button(.type(.submit), .name("actie"), .value(value), .if(secondary, .class("secondary")), .text(label))
            }
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: .clusters, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.cluster.path(model.key)), .text(localized("← \(model.name)", "← \(model.name)")))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "\(model.engagements) activiteiten en \(model.acquisitions) acquisities noemen dit cluster.",
                    "\(model.engagements) engagements and \(model.acquisitions) acquisitions name this cluster."))),
                .unwrap(model.archivedOn) { day in
                    .group(.p(.text(localized("Gearchiveerd op \(CalendarDay(day)?.dutch ?? day).", "Archived on \(CalendarDay(day)?.dutch ?? day)."))),
                           Forms.post(action, csrf: viewer.csrfToken, class: "inline", button("terugzetten", localized("Terugzetten", "Restore"), false)))
                },
                model.engagements == 0 && model.acquisitions == 0
                    ? Forms.post(action, csrf: viewer.csrfToken, problems: model.problems,
                                 .p(.text(localized("Niets verwijst ernaar: het cluster kan weg.", "Nothing refers to it: the cluster can go."))),
                                 button("verwijderen", localized("Verwijderen", "Delete"), false))
                    : Forms.post(action, csrf: viewer.csrfToken, problems: model.problems,
                                 Forms.choice(localized("Verplaats ze naar", "Move them to"), "move_to", options: model.others.map { ($0.key, $0.name) },
                                              selected: nil, problems: model.problems, required: true),
                                 button("verwijderen", localized("Verplaatsen en cluster verwijderen", "Move and delete the cluster"), false)),
                .if(model.archivedOn == nil && model.engagements + model.acquisitions > 0, .group(
                    .h2(.text(localized("Of archiveren", "Or archive"))),
                    .p(.text(localized("Een gearchiveerd cluster houdt zijn activiteiten en acquisities, maar staat niet meer in de lijsten, de formulieren en de etalage.",
                                       "An archived cluster keeps its engagements and acquisitions but leaves the lists, the forms and the showcase."))),
                    Forms.post(action, csrf: viewer.csrfToken, class: "inline", button("archiveren", localized("Archiveren", "Archive"), true))))
            ))
        }
    }
}
