import Foundation
import Markup

extension ClusterForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.key == nil ? localized("Nieuw cluster", "New cluster") : localized("Cluster bewerken", "Edit cluster")
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: .clusters, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.key.map { SiteURL.cluster.path($0) } ?? SiteURL.clusters.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Sleutel (in adressen en de API)", "Key (in URLs and the API)"), "key", value: input.key, problems: problems, required: true,
                               hint: localized("kleine letters, cijfers en streepjes, bijv. ict-ecommerce", "lower-case letters, digits and hyphens, e.g. ict-ecommerce")),
                    Forms.text(localized("Naam (Nederlands)", "Name (Dutch)"), "name_nl", value: input.nameNL, problems: problems, required: true),
                    Forms.text(localized("Naam (Engels)", "Name (English)"), "name_en", value: input.nameEN, problems: problems, required: true),
                    .div(.class("field"), .label(Forms.input([("type", "checkbox"), ("name", "growth_cluster"), ("value", "true"),
                                                              ("checked", input.growthCluster == "true" ? "checked" : nil)]),
                                                 .text(localized(" Groeicluster van de strategie (het doel van 15 actief betrokken organisaties geldt)",
                                                                 " Growth cluster of the strategy (the goal of 15 actively involved organisations applies)")))),
                    Forms.text(localized("SBI-codes", "SBI codes"), "sbi_prefixes", value: input.sbiPrefixes, problems: problems,
                               hint: localized("secties (J) of codes van 2 tot 5 cijfers (62, 47.91), gescheiden door spaties; een code telt met alles eronder",
                                               "sections (J) or codes of 2 to 5 digits (62, 47.91), separated by spaces; a code counts with everything under it")),
                    Forms.picker(localized("Met de hand toegevoegd (bijv. onderwijs- en kennisinstellingen)", "Added by hand (e.g. education and knowledge institutions)"),
                                 "members_added", source: .organisations, field: model.added, multiple: true, problems: problems),
                    Forms.picker(localized("Uitgesloten", "Excluded"), "members_excluded", source: .organisations, field: model.excluded, multiple: true, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save"))))
            ))
        }
    }
}
