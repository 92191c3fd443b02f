import Foundation
import Markup

extension DuplicatesPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (duplicates, message, mayEdit) = (model.duplicates, model.message, model.mayEdit)
            let title = localized("Dubbele organisaties", "Duplicate organisations")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .duplicates, viewer: viewer), main: .group(
                .h1(.text(title)),
                .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .text($0)) },
                .p(.text(localized("Samenvoegen verplaatst alle contactmomenten, personen en rollen, vervolgacties, vragen, acquisities, vestigingsnummers en notities naar de organisatie die blijft, en verwijdert de andere. Het staat in het auditlog.",
                                   "Merging moves every contact moment, person and role, follow-up, question, acquisition, establishment number and note to the organisation that stays, and removes the other. It is recorded in the audit log."))),
                duplicates.isEmpty ? .p(.text(localized("Geen dubbelen gevonden.", "No duplicates found."))) : .table(
                    .caption(.text(localized("\(duplicates.count) mogelijke dubbelen", "\(duplicates.count) possible duplicates"))),
                    .thead(.tr(.th(.text(localized("Organisatie", "Organisation"))), .th(.text(localized("Mogelijk dezelfde als", "Possibly the same as"))),
                               .th(.text(localized("Waarom", "Why"))), .th(.text(localized("Samenvoegen", "Merge"))))),
                    .tbody(.forEach(duplicates) { pair in
                        .tr(.td(describe(pair.first)), .td(describe(pair.second)), .td(.text(pair.reason)),
                            .td(.if(mayEdit, .group(merge(keep: pair.second, remove: pair.first), merge(keep: pair.first, remove: pair.second)))))
                    }))
            ))
        }

        private func describe(_ organisation: Organisation.Summary) -> Node {
            .group(.a(.href(SiteURL.organisation.path(organisation.id)), .text(organisation.name)),
                   .text([organisation.kvk.map { "KvK \($0)" }, organisation.postcode].compactMap { $0 }.map { " · " + $0 }.joined()))
        }

        private func merge(keep: Organisation.Summary, remove: Organisation.Summary) -> Node {
            Forms.post(SiteURL.mergeOrganisation.path(keep.id), csrf: viewer.csrfToken, class: "inline",
                       Forms.input([("type", "hidden"), ("name", "duplicate"), ("value", remove.id.uuidString)]),
                       .button(.type(.submit), .text(localized("Houd \(keep.name)", "Keep \(keep.name)"))))
        }
    }
}
