import Foundation
import Markup

extension PeopleIndex {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private func link(_ order: ListOrder<PersonService.Column>) -> String {
            SiteURL.people.with([("q", model.filter.text)] + order.parameters)
        }

        private var title: String { localized("Personen", "People") }

        var page: Layout.Page {
            Layout.Page(title: title, isDemo: model.isDemo, current: .people, viewer: viewer)
        }

        var main: Node {
            .group(
                .h1(.text(title)),
                .p(.class("notice"), .text(localized("Contactpersonen zijn persoonsgegevens (AVG): leg alleen vast wat nodig is voor het contact.",
                                                     "Contact persons are personal data (GDPR): record only what the contact needs."))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newPerson.path), .text(localized("Nieuwe persoon", "New person"))))),
                .if(viewer?.role.may(.managePersonalData) == true,
                    .p(.a(.href(SiteURL.peopleReview.path), .text(localized("Personen zonder recente activiteit beoordelen (AVG)", "Review people without recent activity (GDPR)"))),
                       .text(" · "), .a(.href(SiteURL.people.with([("formaat", "csv")])), .text(localized("Alle personen als CSV", "All people as CSV"))))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.people.path),
                      .label(.for("q"), .text(localized("Zoek (naam, e-mail, of KvK, postcode of SBI van de organisatie)", "Search (name, e-mail, or the organisation's KvK, postcode or SBI)"))),
                      Forms.input([("type", "search"), ("id", "q"), ("name", "q"), ("value", model.filter.text ?? "")]),
                      .button(.type(.submit), .text(localized("Zoek", "Search")))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) personen.", "\(Format.integer(model.total)) people."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(ListControls.header(localized("Naam", "Name"), .name, order: model.filter.order, link: link), .th(.text(localized("E-mailadres", "E-mail address"))),
                               .th(.text(localized("Organisaties (nu)", "Organisations (now)"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.person.path(row.id)), .text(row.name))), .td(.text(row.email ?? "")),
                            .td(Links.list(row.organisations, to: SiteURL.organisation)))
                    })
                ),
                ListControls.pages(page: model.filter.page, pageSize: model.filter.pageSize, total: model.total) { link(model.filter.order.page($0)) }
            )
        }
    }
}
