import Vapor

/// Every page and endpoint, in one place: routes are registered from it and links are built
/// from it, so a link cannot point at a route that does not exist.
enum SiteURL: Hashable, CaseIterable {
    case home
    case health
    /// Prometheus metrics: for allowed addresses or with the metrics token, not for users.
    case metrics
    case stylesheet
    /// The one script: the pickers' search while typing (`Script.js`).
    case script
    case login
    case logout
    case users
    /// One user: `/beheer/gebruikers/:id` (build links with `user(_:)`).
    case user
    /// One user's new password, their API tokens, and revoking one.
    case userPassword
    case userTokens
    case revokeToken
    case audit
    case apiKeyFigures
    /// The OpenAPI document of `/api/v1`.
    case openAPI
    case sectors
    case fastGrowers
    case specialisation
    case firmSize
    case region
    case overview
    /// Economie: business demography (`eenheid=`, `sectie=` or `cluster=`; `afbakening=` from its form).
    case demography
    case apiDemography
    /// Economie: the municipality among all others on published totals (`gebied`, `indicator`, `groep`, `jaar`, `van`, `vergelijk`).
    case benchmark
    case apiBenchmarks
    /// Economie: the entrepreneurial ecosystem index (`regio`, `jaar`).
    case ecosystem
    case apiEcosystem
    /// Economie: the places (sets of postcode areas), a new one, one by its key, its form, deleting it; the API's list and one.
    case places
    case newPlace
    case place
    case editPlace
    case deletePlace
    case apiPlaces
    case apiPlace
    /// The establishments behind a figure (drill-down).
    case establishments
    /// One enterprise of the register by its KvK number: `/economie/ondernemingen/:id`.
    case enterprise
    /// Relaties: the organisations (search and list), one organisation, its form.
    case organisations
    case newOrganisation
    case organisation
    case editOrganisation
    case deleteOrganisation
    case mergeOrganisation
    case duplicates
    /// Relaties: people, one person, the form, their roles, and the AVG export and erasure.
    case people
    case newPerson
    case person
    case editPerson
    case personRoles
    case deleteRole
    case personData
    case erasePerson
    /// Relaties: contact moments, one's own follow-ups, a follow-up's status, the topics list.
    case contactMoments
    case newContactMoment
    case contactMoment
    case myTasks
    case followUpStatus
    /// A follow-up postponed or handed to someone else.
    case followUpPlan
    case topics
    case topic
    /// Relaties: questions from entrepreneurs.
    case questions
    case newQuestion
    case question
    /// Relaties: acquisitions (the attraction pipeline).
    case acquisitions
    case newAcquisition
    case acquisition
    /// Relaties: the watchlist, the people to review (AVG) and the settings of both.
    case watchlist
    case peopleReview
    case relationSettings
    /// Groeiclusters: the clusters, a new one, one cluster by its key, its form.
    case clusters
    case newCluster
    case cluster
    case editCluster
    /// Groeiclusters: a cluster's collaboration network and key players.
    case clusterNetwork
    /// Groeiclusters: deleting a cluster (moving what names it) or archiving it.
    case deleteCluster
    /// Groeiclusters: engagements (who took part in a cluster's work), one, a new one, deleting one.
    case engagements
    case newEngagement
    case engagement
    case deleteEngagement
    /// Groeiclusters: collaborations between organisations, one, a new one, deleting one.
    case collaborations
    case newCollaboration
    case collaboration
    case deleteCollaboration
    /// Groeiclusters: the public showcase of a growth cluster (`plek=` a place), without login.
    case showcase
    /// Relaties: an organisation's consent to be shown in the showcase (given, changed, withdrawn).
    case organisationShowcase
    /// Doelen: the goals, a new one, one goal by its key, its form, deleting it.
    case goals
    case newGoal
    case goal
    case editGoal
    case deleteGoal
    /// Doelen: freezing the measurements of a reporting date; one frozen date (`:id` the date).
    case goalSnapshots
    case goalSnapshot
    /// Doelen: the values of manual indicators (`reeks=` one series), deleting one.
    case manualValues
    case deleteManualValue
    /// Programma: the projects (filters, CSV), a new one, one project, its form, deleting it.
    case projects
    case newProject
    case project
    case editProject
    case deleteProject
    /// Programma: one assessor's scores of a project on the five criteria.
    case projectScores
    /// Programma: a project's milestones (adding one), one milestone done or open again, deleting one.
    case projectMilestones
    case milestone
    case deleteMilestone
    /// Programma: a decision in a project's log.
    case projectDecisions
    /// Programma: the ranking by both methods with the weight sensitivity; the weights; the budget selection.
    case ranking
    case programmeWeights
    case selection
    /// Programma: the driver team (members and meetings), adding a member, ending a seat.
    case driverTeam
    case driverTeamMembers
    case endMembership
    /// Programma: driver-team meetings: a new one, one (its minutes), its form, deleting it, and
    /// adding an agenda item, a decision or an action.
    case newMeeting
    case meetings
    case meeting
    case editMeeting
    case deleteMeeting
    case meetingAgenda
    case meetingDecisions
    case meetingActions
    /// Toekomst: the robustness test (`optimism=`, `threshold=` to try), its settings, one assessor's scores.
    case futures
    case futuresSettings
    case robustnessScores
    /// Toekomst: scenarios and policy options (the list is on the Toekomst page), a new one, one by its key, its form, deleting it.
    case scenarios
    case newScenario
    case scenario
    case editScenario
    case deleteScenario
    case policyOptions
    case newPolicyOption
    case policyOption
    case editPolicyOption
    case deletePolicyOption
    /// Toekomst: signposts, a new one, one, its form, deleting it, reading them all now; acknowledging an alert.
    case signposts
    case newSignpost
    case signpost
    case editSignpost
    case deleteSignpost
    case evaluateSignposts
    case acknowledgeAlert
    /// Rapportage: the reports (list and making one), a report made now (`datum`, `gebied`,
    /// `taal`, `formaat=html|pdf`), and a frozen report's file (`:id` is `<uuid>.html` or `<uuid>.pdf`).
    case reports
    case report
    case frozenReport
    /// Relaties: the pickers' search (`bron=organisaties|personen|gebruikers|onderwerpen`, `q=`), as JSON.
    case picker
    /// Relaties: a person added with a role from an organisation's page (a new one or one chosen).
    case organisationPeople

    /// Reachable without logging in.
    var isPublic: Bool {
        switch self {
        case .health, .metrics, .stylesheet, .script, .login, .showcase, .openAPI: true
        default: false
        }
    }

    var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }

    var pathComponents: [PathComponent] {
        switch self {
        case .home: []
        case .health: ["health"]
        case .metrics: ["metrics"]
        case .stylesheet: ["assets", "vliegwiel.css"]
        case .script: ["assets", "vliegwiel.js"]
        case .login: ["login"]
        case .logout: ["logout"]
        case .users: ["beheer", "gebruikers"]
        case .user: ["beheer", "gebruikers", ":id"]
        case .userPassword: ["beheer", "gebruikers", ":id", "wachtwoord"]
        case .userTokens: ["beheer", "gebruikers", ":id", "tokens"]
        case .revokeToken: ["beheer", "tokens", ":id", "intrekken"]
        case .audit: ["beheer", "audit"]
        case .apiKeyFigures: ["api", "v1", "kerncijfers"]
        case .openAPI: ["api", "v1", "openapi.json"]
        case .sectors: ["economie", "sectoren"]
        case .fastGrowers: ["economie", "snelle-groeiers"]
        case .specialisation: ["economie", "specialisatie"]
        case .firmSize: ["economie", "bedrijfsgrootte"]
        case .region: ["economie", "regio"]
        case .overview: ["economie"]
        case .demography: ["economie", "demografie"]
        case .apiDemography: ["api", "v1", "demography"]
        case .benchmark: ["economie", "vergelijking"]
        case .apiBenchmarks: ["api", "v1", "benchmarks"]
        case .ecosystem: ["economie", "ecosysteem"]
        case .apiEcosystem: ["api", "v1", "ecosystem"]
        case .places: ["economie", "plekken"]
        case .newPlace: ["economie", "plekken", "nieuw"]
        case .place: ["economie", "plekken", ":id"]
        case .editPlace: ["economie", "plekken", ":id", "bewerken"]
        case .deletePlace: ["economie", "plekken", ":id", "verwijderen"]
        case .apiPlaces: ["api", "v1", "places"]
        case .apiPlace: ["api", "v1", "places", ":id"]
        case .establishments: ["economie", "vestigingen"]
        case .enterprise: ["economie", "ondernemingen", ":id"]
        case .organisations: ["relaties"]
        case .newOrganisation: ["relaties", "organisaties", "nieuw"]
        case .organisation: ["relaties", "organisaties", ":id"]
        case .editOrganisation: ["relaties", "organisaties", ":id", "bewerken"]
        case .deleteOrganisation: ["relaties", "organisaties", ":id", "verwijderen"]
        case .mergeOrganisation: ["relaties", "organisaties", ":id", "samenvoegen"]
        case .duplicates: ["relaties", "dubbelen"]
        case .people: ["relaties", "personen"]
        case .newPerson: ["relaties", "personen", "nieuw"]
        case .person: ["relaties", "personen", ":id"]
        case .editPerson: ["relaties", "personen", ":id", "bewerken"]
        case .personRoles: ["relaties", "personen", ":id", "rollen"]
        case .deleteRole: ["relaties", "rollen", ":id", "verwijderen"]
        case .personData: ["relaties", "personen", ":id", "gegevens"]
        case .erasePerson: ["relaties", "personen", ":id", "wissen"]
        case .contactMoments: ["relaties", "contactmomenten"]
        case .newContactMoment: ["relaties", "contactmomenten", "nieuw"]
        case .contactMoment: ["relaties", "contactmomenten", ":id"]
        case .myTasks: ["relaties", "taken"]
        case .followUpStatus: ["relaties", "vervolgacties", ":id", "status"]
        case .followUpPlan: ["relaties", "vervolgacties", ":id", "planning"]
        case .topics: ["relaties", "onderwerpen"]
        case .topic: ["relaties", "onderwerpen", ":id"]
        case .questions: ["relaties", "vragen"]
        case .newQuestion: ["relaties", "vragen", "nieuw"]
        case .question: ["relaties", "vragen", ":id"]
        case .acquisitions: ["relaties", "acquisitie"]
        case .newAcquisition: ["relaties", "acquisitie", "nieuw"]
        case .acquisition: ["relaties", "acquisitie", ":id"]
        case .watchlist: ["relaties", "volglijst"]
        case .peopleReview: ["relaties", "personen-review"]
        case .relationSettings: ["relaties", "instellingen"]
        case .clusters: ["groeiclusters"]
        case .newCluster: ["groeiclusters", "nieuw"]
        case .cluster: ["groeiclusters", ":id"]
        case .editCluster: ["groeiclusters", ":id", "bewerken"]
        case .engagements: ["groeiclusters", "activiteiten"]
        case .newEngagement: ["groeiclusters", "activiteiten", "nieuw"]
        case .engagement: ["groeiclusters", "activiteiten", ":id"]
        case .deleteEngagement: ["groeiclusters", "activiteiten", ":id", "verwijderen"]
        case .collaborations: ["groeiclusters", "samenwerkingen"]
        case .newCollaboration: ["groeiclusters", "samenwerkingen", "nieuw"]
        case .collaboration: ["groeiclusters", "samenwerkingen", ":id"]
        case .deleteCollaboration: ["groeiclusters", "samenwerkingen", ":id", "verwijderen"]
        case .clusterNetwork: ["groeiclusters", ":id", "netwerk"]
        case .deleteCluster: ["groeiclusters", ":id", "verwijderen"]
        case .showcase: ["etalage", ":id"]
        case .organisationShowcase: ["relaties", "organisaties", ":id", "etalage"]
        case .goals: ["doelen"]
        case .newGoal: ["doelen", "nieuw"]
        case .goal: ["doelen", ":id"]
        case .editGoal: ["doelen", ":id", "bewerken"]
        case .deleteGoal: ["doelen", ":id", "verwijderen"]
        case .goalSnapshots: ["doelen", "metingen"]
        case .goalSnapshot: ["doelen", "metingen", ":id"]
        case .manualValues: ["doelen", "handmatig"]
        case .deleteManualValue: ["doelen", "handmatig", ":id", "verwijderen"]
        case .projects: ["programma"]
        case .newProject: ["programma", "projecten", "nieuw"]
        case .project: ["programma", "projecten", ":id"]
        case .editProject: ["programma", "projecten", ":id", "bewerken"]
        case .deleteProject: ["programma", "projecten", ":id", "verwijderen"]
        case .projectScores: ["programma", "projecten", ":id", "beoordelen"]
        case .projectMilestones: ["programma", "projecten", ":id", "mijlpalen"]
        case .milestone: ["programma", "mijlpalen", ":id"]
        case .deleteMilestone: ["programma", "mijlpalen", ":id", "verwijderen"]
        case .projectDecisions: ["programma", "projecten", ":id", "besluiten"]
        case .ranking: ["programma", "rangorde"]
        case .programmeWeights: ["programma", "weging"]
        case .selection: ["programma", "selectie"]
        case .driverTeam: ["programma", "aanjaagteam"]
        case .driverTeamMembers: ["programma", "aanjaagteam", "leden"]
        case .endMembership: ["programma", "aanjaagteam", "leden", ":id", "beeindigen"]
        case .newMeeting: ["programma", "overleggen", "nieuw"]
        case .meetings: ["programma", "overleggen"]
        case .meeting: ["programma", "overleggen", ":id"]
        case .editMeeting: ["programma", "overleggen", ":id", "bewerken"]
        case .deleteMeeting: ["programma", "overleggen", ":id", "verwijderen"]
        case .meetingAgenda: ["programma", "overleggen", ":id", "agenda"]
        case .meetingDecisions: ["programma", "overleggen", ":id", "besluiten"]
        case .meetingActions: ["programma", "overleggen", ":id", "acties"]
        case .picker: ["relaties", "kiezen"]
        case .futures: ["toekomst"]
        case .futuresSettings: ["toekomst", "instellingen"]
        case .robustnessScores: ["toekomst", "scores"]
        case .scenarios: ["toekomst", "scenarios"]
        case .newScenario: ["toekomst", "scenarios", "nieuw"]
        case .scenario: ["toekomst", "scenarios", ":id"]
        case .editScenario: ["toekomst", "scenarios", ":id", "bewerken"]
        case .deleteScenario: ["toekomst", "scenarios", ":id", "verwijderen"]
        case .policyOptions: ["toekomst", "opties"]
        case .newPolicyOption: ["toekomst", "opties", "nieuw"]
        case .policyOption: ["toekomst", "opties", ":id"]
        case .editPolicyOption: ["toekomst", "opties", ":id", "bewerken"]
        case .deletePolicyOption: ["toekomst", "opties", ":id", "verwijderen"]
        case .signposts: ["toekomst", "signalen"]
        case .newSignpost: ["toekomst", "signalen", "nieuw"]
        case .signpost: ["toekomst", "signalen", ":id"]
        case .editSignpost: ["toekomst", "signalen", ":id", "bewerken"]
        case .deleteSignpost: ["toekomst", "signalen", ":id", "verwijderen"]
        case .evaluateSignposts: ["toekomst", "signalen", "evalueren"]
        case .acknowledgeAlert: ["toekomst", "meldingen", ":id", "gezien"]
        case .organisationPeople: ["relaties", "organisaties", ":id", "personen"]
        case .reports: ["rapportage"]
        case .report: ["rapportage", "rapport"]
        case .frozenReport: ["rapportage", ":id"]
        }
    }

    /// This page with a query string; parameters without a value are left out.
    func with(_ parameters: [(String, String?)]) -> String {
        let query = Self.queryString(parameters)
        return query.isEmpty ? path : path + "?" + query
    }

    /// A query string; parameters without a value are left out. A `+` is encoded too (`250+`
    /// would otherwise be read back as `250 `).
    static func queryString(_ parameters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems = parameters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        return (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    /// The path of a route with `:id` for one record.
    func path(_ id: UUID) -> String {
        "/" + pathComponents.map { $0.description == ":id" ? id.uuidString : $0.description }.joined(separator: "/")
    }

    /// The path of a route with `:id` for a record known by a text key (a KvK number).
    func path(_ key: String) -> String {
        "/" + pathComponents.map { $0.description == ":id" ? key : $0.description }.joined(separator: "/")
    }

    /// The path of one user's page.
    static func user(_ id: UUID) -> String { "/beheer/gebruikers/\(id.uuidString)" }
}
