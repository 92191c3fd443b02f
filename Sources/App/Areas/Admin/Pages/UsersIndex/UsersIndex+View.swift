import Foundation
import Markup

extension UsersIndex {
    struct View {
        let model: Model

        func render() -> String {
            Layout.render(Layout.Page(title: localized("Gebruikers", "Users"), isDemo: nil, current: .users, viewer: model.viewer), main: .group(
                .h1(.text(localized("Gebruikers", "Users"))),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .text($0)) },
                .table(
                    .caption("Accounts"),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("E-mailadres", "E-mail address"))),
                               .th(.text(localized("Laatste login", "Last login"))), .th(.text(localized("Rol en toegang", "Role and access"))))),
                    .tbody(.forEach(model.users) { user in
                        .tr(.td(.a(.href(SiteURL.user(user.id)), .text(user.name))), .td(.text(user.email)),
                            .td(.text(user.lastLogin.map { Format.moment($0) } ?? localized("nog nooit", "never"))), .td(updateForm(user)))
                    })
                ),
                .h2(.text(localized("Nieuwe gebruiker", "New user"))),
                .form(
                    .class("stacked"), .method(.post), .action(SiteURL.users.path),
                    .input(.type(.hidden), .name("csrf"), .value(model.viewer.csrfToken)),
                    .label(.for("new-email"), .text(localized("E-mailadres", "E-mail address"))),
                    .input(.type(.email), .id("new-email"), .name("email"), .required(true)),
                    .label(.for("new-name"), .text(localized("Naam", "Name"))),
                    .input(.type(.text), .id("new-name"), .name("name"), .required(true)),
                    .label(.for("new-role"), .text(localized("Rol", "Role"))),
                    roleSelect(id: "new-role", selected: .viewer),
                    .label(.for("new-password"), .text(localized("Wachtwoord (minstens \(Accounts.minimumPasswordLength) tekens)", "Password (at least \(Accounts.minimumPasswordLength) characters)"))),
                    .input(.type(.password), .id("new-password"), .name("password"), .required(true), .attribute(named: "autocomplete", value: "new-password")),
                    .button(.type(.submit), .text(localized("Aanmaken", "Create")))
                )
            ))
        }

        private func updateForm(_ user: Row) -> Node {
            .form(
                .class("inline"), .method(.post), .action(SiteURL.user(user.id)),
                .input(.type(.hidden), .name("csrf"), .value(model.viewer.csrfToken)),
                .label(.for("role-\(user.id)"), .class("visually-hidden"), .text(localized("Rol van ", "Role of ") + user.name)),
                roleSelect(id: "role-\(user.id)", selected: user.role),
                .label(.for("active-\(user.id)"), .input(.type(.checkbox), .id("active-\(user.id)"), .name("active"), .value("true"),
                                                       .flag("checked", user.active)), .text(localized(" mag inloggen", " may log in"))),
                .button(.type(.submit), .text(localized("Opslaan", "Save")))
            )
        }

        private func roleSelect(id: String, selected: Role) -> Node {
            Forms.select(id: id, name: "role", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: selected.rawValue)
        }
    }
}
