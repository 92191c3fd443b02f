import Foundation
import Markup

extension SignpostForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.id == nil ? localized("Nieuw signaal", "New signpost") : localized("Signaal bewerken", "Edit signpost")
            let indicators = Indicator.all.map { (value: $0.id.rawValue, label: "\($0.name) (\($0.parameters.filter { $0 != .year }.map(\.rawValue).joined(separator: ", ")))") }
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: model.id == nil ? .newSignpost : .editSignpost, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.signpost.path($0) } ?? SiteURL.signposts.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                    Forms.choice(localized("Indicator", "Indicator"), "indicator", options: indicators, selected: input.indicator, problems: problems, required: true),
                    Forms.text(localized("Parameters", "Parameters"), "parameters", value: input.parameters, problems: problems,
                               hint: localized("naam=waarde, gescheiden door ; — bijv. section=J of cluster=ict. Een signaal volgt altijd de nieuwste gegevens (geen year). Clusters: ",
                                               "name=value, separated by ; — e.g. section=J or cluster=ict. A signpost always follows the latest data (no year). Clusters: ")
                                   + (model.clusterKeys + [Indicator.growthClusters]).joined(separator: ", ")
                                   + (model.series.isEmpty ? "" : localized("; reeksen: ", "; series: ") + model.series.joined(separator: ", "))),
                    Forms.choice(localized("Bewaakt het scenario", "Watches the scenario"), "scenario", options: model.scenarios, selected: input.scenario, problems: problems),
                    Forms.choice(localized("of de beleidsoptie", "or the policy option"), "option", options: model.options, selected: input.option, problems: problems),
                    Forms.choice(localized("Richting", "Direction"), "direction",
                                 options: [("rising", localized("stijgend: drempel bereikt op of boven de waarde", "rising: triggered at or above the value")),
                                           ("falling", localized("dalend: drempel bereikt op of onder de waarde", "falling: triggered at or below the value"))],
                                 selected: input.direction.flatMap(SignpostInput.direction)?.rawValue ?? input.direction ?? "rising", problems: problems, required: true),
                    Forms.text(localized("Drempel", "Trigger"), "trigger", value: input.trigger, problems: problems, required: true),
                    Forms.text(localized("Vroege waarschuwing (optioneel)", "Early warning (optional)"), "warning", value: input.warning, problems: problems,
                               hint: localized("vóór de drempel: lager bij een stijgend, hoger bij een dalend signaal", "before the trigger: lower for a rising, higher for a falling signpost")),
                    Forms.textArea(localized("Waarom dit signaal, en wat te doen als het afgaat", "Why this signpost, and what to do when it triggers"), "notes", value: input.notes, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan en lezen", "Save and read"))))
            ))
        }
    }
}
