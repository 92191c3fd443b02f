import Plot

/// The shell every page shares: header with navigation, the demo banner, main, footer with sources.
enum Layout {
    struct Page {
        let title: String
        /// Whether the data shown is the synthetic demo (then the page says so); nil for a page
        /// that shows no register data, such as the login and the administration.
        let isDemo: Bool?
        let current: SiteURL?
        /// The logged-in user; nil on the login and setup pages.
        var viewer: Viewer? = nil
    }

    /// Who is logged in, as the header shows it (with the logout form's CSRF token).
    struct Viewer: Equatable {
        let name: String
        let role: Role
        let csrfToken: String
    }

    /// Parts of Vliegwiel still to be built; shown in the navigation as text, not as links.
    static let comingAreas = ["Groeiclusters", "Relaties", "Doelen", "Programma", "Toekomst", "Rapportage"]

    /// The pages under "Economie", in the order of their tabs.
    static let economyTabs: [(String, SiteURL)] = [
        ("Overzicht", .overview), ("Sectoren", .sectors), ("Specialisatie", .specialisation), ("Snelle groeiers", .fastGrowers),
        ("Bedrijfsgrootte", .firmSize), ("Regio", .region),
    ]
    static let economyPages: Set<SiteURL?> = Set(economyTabs.map(\.1) + [.establishments])

    static func render(_ page: Page, main content: Node<HTML.BodyContext>) -> String {
        HTML(
            .lang(.dutch),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(page.title) · Vliegwiel"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(
                .a(.class("skip"), .href("#inhoud"), .text("Naar de inhoud")),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text("Vliegwiel")),
                    .nav(
                        .ariaLabel("Hoofdmenu"),
                        .ul(
                            .li(navigationLink("Stand van Zwolle", to: .home, current: page.current)),
                            .li(navigationLink("Economie", to: .overview, current: economyPages.contains(page.current) ? .overview : page.current)),
                            .forEach(comingAreas) { area in
                                .li(.span(.class("coming"), .title("Volgt in een volgende versie"), .text(area)))
                            },
                            .if(page.viewer?.role.may(.manageUsers) == true, .group(
                                .li(navigationLink("Gebruikers", to: .users, current: page.current)),
                                .li(navigationLink("Audit", to: .audit, current: page.current))
                            ))
                        )
                    ),
                    .unwrap(page.viewer) { viewer in
                        .form(
                            .class("account"), .method(.post), .action(SiteURL.logout.path),
                            .span(.text("\(viewer.name) (\(viewer.role.label))")),
                            .input(.type(.hidden), .name("csrf"), .value(viewer.csrfToken)),
                            .button(.type(.submit), .text("Uitloggen"))
                        )
                    }
                ),
                .if(page.isDemo == true, .div(
                    .class("demo-banner"), .attribute(named: "role", value: "note"),
                    .strong("Demodata. "),
                    .text("Alle bedrijven, banen en vestigingen op deze pagina komen uit een synthetisch, verzonnen register. Het is afgestemd op gepubliceerde kerncijfers van Zwolle, maar het zijn geen echte gegevens.")
                )),
                .if(economyPages.contains(page.current), .nav(
                    .class("subnav"), .ariaLabel("Economie"),
                    .ul(.forEach(economyTabs) { title, url in .li(navigationLink(title, to: url, current: page.current)) })
                )),
                .main(.id("inhoud"), content),
                .footer(
                    .class("site"),
                    .p("Referentiedata (SBI 2008, gemeenten, bevolking): Bron: CBS, CC BY 4.0."),
                    .unwrap(page.isDemo) { isDemo in
                        .p(.text(isDemo
                            ? "Register en landelijke totalen: synthetische demodata, bewerking Vliegwiel."
                            : "Register: geïmporteerd vestigingenregister, bewerking Vliegwiel."))
                    }
                )
            )
        ).render()
    }

    private static func navigationLink(_ title: String, to url: SiteURL, current: SiteURL?) -> Node<HTML.BodyContext> {
        .a(.href(url.path), .if(url == current, .attribute(named: "aria-current", value: "page")), .text(title))
    }
}
