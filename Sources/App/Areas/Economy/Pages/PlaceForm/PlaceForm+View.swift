import Foundation
import Markup

/// Economie > Plekken: the form to add or change a place (advisers and administrators).
enum PlaceForm {
    struct Model: Sendable, Equatable {
        /// The place's key when it exists.
        let key: String?
        let input: PlaceInput
        let problems: [FieldProblem]
        let municipalityName: String
        /// The municipality's four-digit postcode areas, for the hint.
        let areas: [String]
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.key == nil ? localized("Nieuwe plek", "New place") : localized("Plek bewerken", "Edit place")
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: .places, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.key.map { SiteURL.place.path($0) } ?? SiteURL.places.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Sleutel (in adressen en de API)", "Key (in URLs and the API)"), "key", value: input.key, problems: problems, required: true,
                               hint: localized("kleine letters, cijfers en streepjes, bijv. spoorzone", "lower-case letters, digits and hyphens, e.g. spoorzone")),
                    Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                    Forms.text(localized("Postcodes", "Postcodes"), "postcodes", value: input.postcodes, problems: problems, required: true,
                               hint: localized("postcodegebieden van \(model.municipalityName) (\(model.areas.joined(separator: " "))), of volledige postcodes zoals 8011AB; gescheiden door spaties",
                                               "postcode areas of \(model.municipalityName) (\(model.areas.joined(separator: " "))), or full postcodes such as 8011AB; separated by spaces")),
                    Forms.textArea(localized("Aanname of bron", "Assumption or source"), "note", value: input.note, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))),
                .unwrap(model.key) { key in
                    Forms.post(SiteURL.deletePlace.path(key), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Verwijderen", "Delete"))))
                }
            ))
        }
    }
}
