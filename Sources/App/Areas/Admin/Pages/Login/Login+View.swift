import Markup

extension Login {
    struct View {
        let model: Model

        func render() -> String {
            Layout.render(Layout.Page(title: localized("Inloggen", "Log in"), isDemo: nil, current: .login), main: .group(
                .h1(.text(localized("Inloggen", "Log in"))),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .class("stacked"), .method(.post), .action(SiteURL.login.path),
                    .input(.type(.hidden), .name("csrf"), .value(model.csrfToken)),
                    .input(.type(.hidden), .name("next"), .value(model.next)),
                    .label(.for("email"), .text(localized("E-mailadres", "E-mail address"))),
                    .input(.type(.email), .id("email"), .name("email"), .value(model.email), .required(true), .attribute(named: "autocomplete", value: "username")),
                    .label(.for("password"), .text(localized("Wachtwoord", "Password"))),
                    .input(.type(.password), .id("password"), .name("password"), .required(true), .attribute(named: "autocomplete", value: "current-password")),
                    .button(.type(.submit), .text(localized("Inloggen", "Log in")))
                )
            ))
        }
    }

    /// What a new instance shows on every page until the first administrator exists.
    static func setupPage() -> String {
        Layout.render(Layout.Page(title: localized("Eerste beheerder aanmaken", "Create the first administrator"), isDemo: nil, current: nil), main: .group(
            .h1(.text(localized("Eerste beheerder aanmaken", "Create the first administrator"))),
            .p(.text(localized(
                "Vliegwiel heeft nog geen gebruikers. Maak op de server de eerste beheerder aan; het wachtwoord (minstens 12 tekens) wordt gevraagd of van standaardinvoer gelezen:",
                "Vliegwiel has no users yet. Create the first administrator on the server; the password (at least 12 characters) is asked for or read from standard input:"))),
            .pre(.code("vliegwiel user create --email naam@gemeente.nl --name \"Uw naam\" --role admin")),
            .p(.text(localized(
                "Laad deze pagina daarna opnieuw om in te loggen. De demo (vliegwiel demo) maakt zelf een beheerder aan en toont de inloggegevens bij het starten.",
                "Then reload this page to log in. The demo (vliegwiel demo) creates an administrator itself and shows the login details when it starts.")))
        ))
    }
}
