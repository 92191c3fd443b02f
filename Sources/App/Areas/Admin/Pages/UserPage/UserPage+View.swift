import Foundation
import Markup

extension UserPage {
    struct View {
        let model: Model

        func render() -> String {
            let csrf = model.viewer.csrfToken
            let day = { (date: Date?) in date.map { CalendarDay($0).dutch } ?? "–" }
            return Layout.render(Layout.Page(title: model.name, isDemo: nil, current: .users, viewer: model.viewer), main: .group(
                .p(.a(.href(SiteURL.users.path), .text(localized("← Alle gebruikers", "← All users")))),
                .h1(.text(model.name)),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .text($0)) },
                .dl(.dt(.text(localized("E-mailadres", "E-mail address"))), .dd(.text(model.email)),
                    .dt(.text(localized("Rol", "Role"))), .dd(.text(model.role.label + (model.active ? "" : localized(" (mag niet inloggen)", " (may not log in)")))),
                    .dt(.text(localized("Laatste login", "Last login"))), .dd(.text(model.lastLogin.map { Format.moment($0) } ?? localized("nog nooit", "never")))),
                .h2(.text(localized("Nieuw wachtwoord", "New password"))),
                Forms.post(SiteURL.userPassword.path(model.id), csrf: csrf,
                    .p(.class("hint"), .text(localized("Beëindigt alle sessies van deze gebruiker.", "Ends all sessions of this user."))),
                    .label(.for("password"), .text(localized("Wachtwoord (minstens \(Accounts.minimumPasswordLength) tekens)",
                                                             "Password (at least \(Accounts.minimumPasswordLength) characters)"))),
                    Forms.input([("type", "password"), ("id", "password"), ("name", "password"), ("required", "required"), ("autocomplete", "new-password")]),
                    .button(.type(.submit), .text(localized("Wachtwoord instellen", "Set password")))),
                .h2(.text(localized("API-tokens", "API tokens"))),
                .unwrap(model.newSecret) { secret in .div(.class("notice"), .attribute(named: "role", value: "alert"),
                    .p(.text(localized("Het nieuwe token, alleen nu te zien (bewaar het; alleen een hash wordt opgeslagen):",
                                       "The new token, shown only now (keep it; only a hash is stored):"))),
                    .p(.code(.text(secret)))) },
                model.tokens.isEmpty ? .p(.text(localized("Geen tokens.", "No tokens."))) : .table(
                    .caption(.text(localized("Tokens van \(model.name)", "Tokens of \(model.name)"))),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("Gemaakt", "Created"))), .th(.text(localized("Verloopt", "Expires"))),
                               .th(.text(localized("Laatst gebruikt", "Last used"))), .th(.text(localized("Status", "Status"))), .th(.text(localized("Intrekken", "Revoke"))))),
                    .tbody(.forEach(model.tokens) { token in
                        .tr(.td(.text(token.name)), .td(.text(day(token.createdAt))), .td(.text(day(token.expiresAt))), .td(.text(day(token.lastUsedAt))),
                            .td(.text(label(token.status))),
                            .td(.if(token.status == .active, Forms.post(SiteURL.revokeToken.path(token.id), csrf: csrf, class: "inline",
                                .button(.type(.submit), .class("secondary"), .ariaLabel(localized("Trek token \(token.name) in", "Revoke token \(token.name)")),
                                        .text(localized("Intrekken", "Revoke")))))))
                    })),
                .h3(.text(localized("Nieuw token", "New token"))),
                Forms.post(SiteURL.userTokens.path(model.id), csrf: csrf,
                    .label(.for("token-name"), .text(localized("Naam (waarvoor)", "Name (what for)"))),
                    Forms.input([("type", "text"), ("id", "token-name"), ("name", "name"), ("required", "required"), ("maxlength", "80")]),
                    .label(.for("token-days"), .text(localized("Geldig (dagen; leeg: tot intrekken)", "Valid (days; empty: until revoked)"))),
                    Forms.input([("type", "number"), ("id", "token-days"), ("name", "days"), ("min", "1"), ("max", "3650")]),
                    .button(.type(.submit), .text(localized("Token maken", "Make token"))))
            ))
        }

        private func label(_ status: Token.Status) -> String {
            switch status {
            case .active: localized("actief", "active")
            case .expired: localized("verlopen", "expired")
            case .revoked: localized("ingetrokken", "revoked")
            }
        }
    }
}
