import Foundation
import Markup

extension FuturesItemForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems, kind) = (model.input, model.problems, model.kind)
            let title = model.key == nil ? (kind == .scenario ? localized("Nieuw scenario", "New scenario") : localized("Nieuwe beleidsoptie", "New policy option"))
                                         : localized("\(kind.label) bewerken", "Edit \(kind.label.lowercased())")
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: kind.page, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.key.map { kind.page.path($0) } ?? kind.listPage.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                    Forms.text(localized("Sleutel (in adressen en de API)", "Key (in URLs and the API)"), "key", value: input.key, problems: problems,
                               hint: localized("leeg: gemaakt uit de naam; kleine letters, cijfers en streepjes", "empty: made from the name; lower-case letters, digits and hyphens")),
                    Forms.textArea(localized("Beschrijving", "Description"), "description", value: input.description, problems: problems),
                    Forms.textArea(kind == .scenario ? localized("Drijvende krachten en aannames", "Drivers and assumptions") : localized("Wat de optie inhoudt", "What the option entails"),
                                   "assumptions", value: input.assumptions, problems: problems, hint: localized("één per regel", "one per line")),
                    .if(kind == .scenario, Forms.textArea(localized("Waaraan we zien dat het gebeurt", "How we would see it unfold"), "signs", value: input.signs, problems: problems)),
                    Forms.text(localized("Volgorde", "Order"), "position", value: input.position, problems: problems, type: "number"),
                    .button(.type(.submit), .text(localized("Opslaan", "Save"))))
            ))
        }
    }
}
