import Markup
import NIOConcurrencyHelpers

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
        /// On a monitor page: the query string of its selection (area and years), which the tabs
        /// to the other monitor pages keep.
        var selection: String? = nil
    }

    /// Who is logged in, as the header shows it (with the logout form's CSRF token).
    struct Viewer: Equatable {
        let name: String
        let role: Role
        let csrfToken: String
        /// The name of the configured home municipality (the first item of the navigation).
        var home: String = ""

        /// Whether the data is the synthetic demo (for pages that show relations, not the register).
        var seesDemo = false
    }

    /// The pages under "Economie", in the order of their tabs.
    static var economyTabs: [(String, SiteURL)] {
        [(localized("Overzicht", "Overview"), .overview), (localized("Sectoren", "Sectors"), .sectors),
         (localized("Specialisatie", "Specialisation"), .specialisation), (localized("Snelle groeiers", "Fast growers"), .fastGrowers),
         (localized("Bedrijfsgrootte", "Firm size"), .firmSize), (localized("Demografie", "Demography"), .demography), (localized("Regio", "Region"), .region),
         (localized("Plekken", "Places"), .places), (localized("Vergelijking", "Comparison"), .benchmark),
         (localized("Ecosysteem", "Ecosystem"), .ecosystem)]
    }
    /// The monitor's tabs over the register's area and years, which keep the selection from one to the next.
    static let selectionTabs: Set<SiteURL> = [.overview, .sectors, .specialisation, .fastGrowers, .firmSize, .demography, .region]
    static let economyPages: Set<SiteURL?> = [.overview, .sectors, .specialisation, .fastGrowers, .firmSize, .demography, .region, .benchmark, .ecosystem, .places, .place, .newPlace, .editPlace, .establishments, .enterprise]

    /// The pages under "Relaties", in the order of their tabs.
    static var relationsTabs: [(String, SiteURL)] {
        [(localized("Organisaties", "Organisations"), .organisations), (localized("Personen", "People"), .people),
         (localized("Contactmomenten", "Contact moments"), .contactMoments), (localized("Mijn taken", "My tasks"), .myTasks),
         (localized("Vragen", "Questions"), .questions), (localized("Acquisitie", "Acquisitions"), .acquisitions),
         (localized("Volglijst", "Watchlist"), .watchlist), (localized("Dubbelen", "Duplicates"), .duplicates), (localized("Onderwerpen", "Topics"), .topics)]
    }
    static let relationsPages: Set<SiteURL?> = [
        .organisations, .organisation, .newOrganisation, .editOrganisation, .people, .person, .newPerson, .editPerson,
        .contactMoments, .newContactMoment, .contactMoment, .myTasks, .topics, .duplicates, .questions, .newQuestion, .question, .acquisitions, .newAcquisition, .acquisition, .watchlist, .peopleReview,
    ]

    static let clustersPages: Set<SiteURL?> = [.clusters, .cluster, .newCluster, .editCluster, .engagements, .newEngagement, .engagement,
                                                    .collaborations, .newCollaboration, .collaboration, .clusterNetwork]

    /// The pages under "Programma", in the order of their tabs.
    static var programmeTabs: [(String, SiteURL)] {
        [(localized("Projecten", "Projects"), .projects), (localized("Rangorde", "Ranking"), .ranking),
         (localized("Selectie", "Selection"), .selection), (localized("Aanjaagteam", "Driver team"), .driverTeam)]
    }
    static let programmePages: Set<SiteURL?> = [.projects, .newProject, .project, .editProject, .projectScores, .ranking, .programmeWeights, .selection,
                                                .driverTeam, .newMeeting, .meeting, .editMeeting]

    static var futuresTabs: [(String, SiteURL)] {
        [(localized("Robuustheid", "Robustness"), .futures), (localized("Signalen", "Signposts"), .signposts)]
    }
    static let futuresPages: Set<SiteURL?> = [.futures, .robustnessScores, .scenarios, .newScenario, .scenario, .editScenario, .policyOptions, .newPolicyOption,
                                              .policyOption, .editPolicyOption, .signposts, .newSignpost, .signpost, .editSignpost]

    static let goalsPages: Set<SiteURL?> = [.goals, .goal, .newGoal, .editGoal, .goalSnapshot, .manualValues]

    static func render(_ page: Page, main content: Node) -> String {
        Node.document(
            language: Language.current == .english ? "en" : "nl",
            head: .head(
                .meta(.charset("utf-8")),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .pageTitle("\(page.title) · Vliegwiel"),
                .link(.rel("stylesheet"), .href(SiteURL.stylesheet.path)),
                .element(named: "script", .attribute(named: "src", value: SiteURL.script.path), .flag("defer"))
            ),
            body: .body(
                .a(.class("skip"), .href("#inhoud"), .text(localized("Naar de inhoud", "Skip to content"))),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text("Vliegwiel")),
                    // The menu is for whoever is logged in: before that every page but the login is closed.
                    // On a phone the menu folds away behind a button (a checkbox and its label: no script needed).
                    .unwrap(page.viewer) { _ in .group(
                        .input(.type(.checkbox), .id("menu-toggle"), .class("menu-toggle")),
                        .label(.for("menu-toggle"), .class("menu-button"), .text(localized("Menu", "Menu")))) },
                    .unwrap(page.viewer) { viewer in
                        // The same for everyone with the same role and page: kept rendered.
                        shellPart(ShellKey(part: .navigation, page: page.current, detail: viewer.home, mayManageUsers: viewer.role.may(.manageUsers))) {
                            mainNavigation(page, viewer)
                        }
                    },
                    .a(.class("language"), .href(Language.otherLanguageLink), .attribute(named: "hreflang", value: Language.current.other.rawValue),
                       .attribute(named: "lang", value: Language.current.other.rawValue), .text(Language.current.other.name)),
                    .unwrap(page.viewer) { viewer in
                        .form(
                            .class("account"), .method(.post), .action(SiteURL.logout.path),
                            .span(.text("\(viewer.name) (\(viewer.role.label))")),
                            .input(.type(.hidden), .name("csrf"), .value(viewer.csrfToken)),
                            .button(.type(.submit), .text(localized("Uitloggen", "Log out")))
                        )
                    }
                ),
                .if(page.isDemo == true, .div(
                    .class("demo-banner"), .attribute(named: "role", value: "note"),
                    .strong(.text(localized("Demodata. ", "Demo data. "))),
                    .text(DemoNotice.text)
                )),
                shellPart(ShellKey(part: .tabs, page: page.current, detail: page.selection ?? "")) { tabs(page) },
                .main(.id("inhoud"), content),
                .footer(
                    .class("site"),
                    .p(.text(localized("Referentiedata (SBI 2008, gemeenten, bevolking): Bron: CBS, CC BY 4.0.", "Reference data (SBI 2008, municipalities, population): Source: CBS, CC BY 4.0."))),
                    .unwrap(page.isDemo) { isDemo in
                        .p(.text(isDemo
                            ? localized("Register en landelijke totalen: synthetische demodata, bewerking Vliegwiel.",
                                        "Register and national totals: synthetic demo data, processed by Vliegwiel.")
                            : localized("Register: geïmporteerd vestigingenregister, bewerking Vliegwiel.",
                                        "Register: imported register of establishments, processed by Vliegwiel.")))
                    }
                )
            )
        )
    }

    private static func mainNavigation(_ page: Page, _ viewer: Viewer) -> Node {
        .nav(
            .class("main"), .ariaLabel(localized("Hoofdmenu", "Main menu")),
            .ul(
                .li(navigationLink(localized("Stand van \(viewer.home)", "State of \(viewer.home)"), to: .home, current: page.current)),
                .li(navigationLink(localized("Economie", "Economy"), to: .overview, current: economyPages.contains(page.current) ? .overview : page.current)),
                .li(navigationLink(localized("Relaties", "Relations"), to: .organisations,
                                   current: relationsPages.contains(page.current) ? .organisations : page.current)),
                .li(navigationLink(localized("Groeiclusters", "Growth clusters"), to: .clusters,
                                   current: clustersPages.contains(page.current) ? .clusters : page.current)),
                .li(navigationLink(localized("Doelen", "Goals"), to: .goals, current: goalsPages.contains(page.current) ? .goals : page.current)),
                .li(navigationLink(localized("Programma", "Programme"), to: .projects,
                                   current: programmePages.contains(page.current) ? .projects : page.current)),
                .li(navigationLink(localized("Toekomst", "Futures"), to: .futures, current: futuresPages.contains(page.current) ? .futures : page.current)),
                .li(navigationLink(localized("Rapportage", "Reports"), to: .reports, current: page.current)),
                .if(viewer.role.may(.manageUsers), .group(
                    .li(navigationLink(localized("Gebruikers", "Users"), to: .users, current: page.current)),
                    .li(navigationLink("Audit", to: .audit, current: page.current))
                ))
            )
        )
    }

    /// The tabs of the area the page is in (the monitor's keep the selection).
    private static func tabs(_ page: Page) -> Node {
        .group(
            .if(economyPages.contains(page.current), .nav(
                .class("subnav"), .ariaLabel(localized("Economie", "Economy")),
                .ul(.forEach(economyTabs) { title, url in
                    .li(navigationLink(title, to: url, current: page.current, query: selectionTabs.contains(url) ? page.selection : nil))
                })
            )),
            .if(relationsPages.contains(page.current), .nav(
                .class("subnav"), .ariaLabel(localized("Relaties", "Relations")),
                .ul(.forEach(relationsTabs) { title, url in .li(navigationLink(title, to: url, current: page.current)) })
            )),
            .if(programmePages.contains(page.current), .nav(
                .class("subnav"), .ariaLabel(localized("Programma", "Programme")),
                .ul(.forEach(programmeTabs) { title, url in .li(navigationLink(title, to: url, current: page.current)) })
            )),
            .if(futuresPages.contains(page.current), .nav(
                .class("subnav"), .ariaLabel(localized("Toekomst", "Futures")),
                .ul(.forEach(futuresTabs) { title, url in .li(navigationLink(title, to: url, current: page.current)) })
            ))
        )
    }

    /// Rendered parts of the shell, by what they depend on (language, page, role, selection).
    private static let shellParts = NIOLockedValueBox<[ShellKey: Fragment]>([:])

    /// What a part of the shell depends on (a struct, not a text: this is looked up on every page).
    private struct ShellKey: Hashable {
        enum Part { case navigation, tabs }
        let part: Part
        let page: SiteURL?
        /// The home municipality's name (navigation) or the monitor's selection (tabs).
        let detail: String
        var mayManageUsers = false
        var language = Language.current
    }

    private static func shellPart(_ key: ShellKey, _ make: () -> Node) -> Node {
        if let kept = shellParts.withLockedValue({ $0[key] }) { return .fragment(kept) }
        let fragment = make().fragment()
        shellParts.withLockedValue { parts in
            if parts.count >= 2_000 { parts = [:] }  // selections come from URLs: keep the memory bounded
            parts[key] = fragment
        }
        return .fragment(fragment)
    }

    private static func navigationLink(_ title: String, to url: SiteURL, current: SiteURL?, query: String? = nil) -> Node {
        .a(.href(url.path + (query.map { "?" + $0 } ?? "")), .if(url == current, .attribute(named: "aria-current", value: "page")), .text(title))
    }
}

/// A page whose main part depends only on its model, not on who looks at it: the controller
/// can cache `main` rendered (a `Fragment`) and put it in each viewer's shell (`page`).
protocol SharedMainPage {
    var page: Layout.Page { get }
    var main: Node { get }
}

extension SharedMainPage {
    /// The whole page, nothing cached.
    func render() -> String {
        Layout.render(page, main: main)
    }
}
