import Foundation
import Markup

extension OrganisationForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let input = model.input, problems = model.problems
            let title = model.id == nil ? localized("Nieuwe organisatie", "New organisation") : localized("Organisatie bewerken", "Edit organisation")
            let municipalities = model.municipalities.map { ($0.code, $0.name) }
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .organisations, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.organisation.path($0) } ?? SiteURL.organisations.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.choice(localized("Soort", "Kind"), "kind", options: Organisation.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.kind ?? Organisation.Kind.company.rawValue, problems: problems, required: true),
                    Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                    Forms.text(localized("KvK-nummer", "KvK number"), "kvk_number", value: input.kvkNumber, problems: problems,
                               hint: localized("8 cijfers; koppelt aan het register", "8 digits; links to the register")),
                    Forms.text(localized("Vestigingsnummers", "Establishment numbers"), "establishment_numbers",
                               value: input.establishmentNumbers?.items.joined(separator: ", "), problems: problems,
                               hint: localized("12 cijfers elk, gescheiden door komma's", "12 digits each, separated by commas")),
                    Forms.text("SBI", "sbi", value: input.sbi, problems: problems, hint: localized("bijvoorbeeld 62.01", "for example 62.01")),
                    Forms.text(localized("Adres", "Address"), "address", value: input.address, problems: problems),
                    Forms.text("Postcode", "postcode", value: input.postcode, problems: problems),
                    Forms.choice(localized("Gemeente", "Municipality"), "municipality", options: municipalities, selected: input.municipality, problems: problems),
                    Forms.text(localized("Website", "Website"), "website", value: input.website, problems: problems),
                    Forms.choice(localized("Accountmanager", "Account manager"), "account_manager",
                                 options: model.managers.map { ($0.id.uuidString, $0.name) }, selected: input.accountManager, problems: problems),
                    Forms.text(localized("Labels", "Tags"), "tags", value: input.tags?.items.joined(separator: ", "), problems: problems,
                               hint: localized("gescheiden door komma's", "separated by commas")),
                    Forms.choice(localized("Gekomen uit gemeente", "Came from municipality"), "origin_municipality", options: municipalities,
                                 selected: input.originMunicipality, problems: problems),
                    Forms.text(localized("Gevestigd op", "Arrived on"), "arrived_on", value: input.arrivedOn, problems: problems, type: "date"),
                    Forms.choice(localized("Niveau (onderwijs- en kennisinstellingen)", "Level (education and knowledge institutions)"), "education_level",
                                 options: Organisation.EducationLevel.allCases.map { ($0.rawValue, $0.label) }, selected: input.educationLevel, problems: problems),
                    Forms.textArea(localized("Notities", "Notes"), "notes", value: input.notes, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))
                )
            ))
        }
    }
}
