import Foundation
import Markup

extension GoalForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.key == nil ? localized("Nieuw doel", "New goal") : localized("Doel bewerken", "Edit goal")
            let indicators = Indicator.all.map { (value: $0.id.rawValue, label: "\($0.name) (\($0.parameters.map(\.rawValue).joined(separator: ", ")))") }
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: .goals, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.key.map { SiteURL.goal.path($0) } ?? SiteURL.goals.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Sleutel (in adressen en de API)", "Key (in URLs and the API)"), "key", value: input.key, problems: problems, required: true,
                               hint: localized("kleine letters, cijfers en streepjes, bijv. snelle-groeiers", "lower-case letters, digits and hyphens, e.g. fast-growers")),
                    Forms.text(localized("Titel (Nederlands)", "Title (Dutch)"), "title_nl", value: input.titleNL, problems: problems, required: true),
                    Forms.text(localized("Titel (Engels)", "Title (English)"), "title_en", value: input.titleEN, problems: problems, required: true),
                    Forms.choice(localized("Indicator", "Indicator"), "indicator", options: indicators, selected: input.indicator, problems: problems, required: true),
                    Forms.text(localized("Parameters", "Parameters"), "parameters", value: input.parameters, problems: problems,
                               hint: localized("naam=waarde, gescheiden door ; — bijv. definition=oecd of cluster=growth;since=2021-01-01. Clusters: ",
                                               "name=value, separated by ; — e.g. definition=oecd or cluster=growth;since=2021-01-01. Clusters: ")
                                   + (model.clusterKeys + [Indicator.growthClusters]).joined(separator: ", ")),
                    .div(.class("field"), .label(Forms.input([("type", "checkbox"), ("name", "per_growth_cluster"), ("value", "true"),
                                                              ("checked", input.perGrowthCluster == "true" ? "checked" : nil)]),
                                                 .text(localized(" Per groeicluster (een rij per groeicluster, elk met deze streefwaarde)",
                                                                 " Per growth cluster (a row per growth cluster, each with this target)"))),
                         Forms.errorNode("per_growth_cluster", problems)),
                    Forms.text(localized("Beginwaarde", "Baseline"), "baseline_value", value: input.baselineValue, problems: problems, required: true),
                    Forms.text(localized("Datum van de beginwaarde", "Date of the baseline"), "baseline_date", value: input.baselineDate, problems: problems, type: "date", required: true),
                    Forms.text(localized("Streefwaarde", "Target"), "target", value: input.target, problems: problems, required: true),
                    Forms.text(localized("Einddatum", "Deadline"), "deadline", value: input.deadline, problems: problems, type: "date", required: true),
                    Forms.choice(localized("Richting", "Direction"), "direction", options: [("increase", localized("omhoog", "up")), ("decrease", localized("omlaag", "down"))],
                                 selected: input.direction ?? "increase", problems: problems, required: true),
                    Forms.textArea(localized("Toelichting", "Notes"), "notes", value: input.notes, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))),
                .unwrap(model.key) { key in
                    Forms.post(SiteURL.deleteGoal.path(key), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Doel verwijderen (vastgelegde metingen blijven)", "Delete goal (frozen measurements stay)"))))
                }
            ))
        }
    }
}
