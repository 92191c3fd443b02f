import Fluent
import Foundation

/// The demo's execution programme: fifteen projects drawn from the strategy's own directions
/// (all fictional in their details: budgets, scores, people), each scored by three assessors
/// with reasons; a driver team of people from the demo register; four meetings over the last
/// year with decisions and actions. Dated relative to today, like the rest of the relations, and
/// saved through the same services (and audit trail) as a user's input.
struct DemoProgramme {
    let database: Database
    /// The demo's administrator, who gets actions too (so that "Mijn taken" shows them).
    let administrator: User

    static let advisers = [("Sanne de Wit (demo)", "sanne.dewit@vliegwiel.example"), ("Thomas Bakker (demo)", "thomas.bakker@vliegwiel.example")]

    /// A project: name, description, lead (a public organisation of the demo), clusters, goals,
    /// phase, months since the phase began, budget and municipal share in thousands of euros,
    /// and its strength per criterion (1-5, before the assessors' differences).
    struct Plan {
        let name: String
        let description: String
        let lead: String
        let clusters: [String]
        let goals: [String]
        let phase: Project.Phase
        let monthsInPhase: Int
        let budget: Double
        let municipal: Double
        let strengths: [Int]
        var place: String? = nil
        var mustInclude = false
    }

    static let plans: [Plan] = [
        Plan(name: "Innovatiedistrict Spoorzone", description: "Een plek bij het station waar bedrijven uit de drie groeiclusters, onderwijs en starters samen werken en laten zien wat Zwolle kan.",
             lead: "Gemeente Zwolle", clusters: ["ict-ecommerce", "health", "creatief-maak"], goals: ["actieve-betrokkenheid", "aangetrokken-bedrijven"],
             phase: .decision, monthsInPhase: 3, budget: 4_800, municipal: 1_600, strengths: [5, 5, 3, 3, 5], place: "spoorzone"),
        Plan(name: "Health Innovation Park Isala", description: "Een campus naast het ziekenhuis voor zorginnovatie: bedrijven, onderzoekers en zorgprofessionals onder één dak.",
             lead: "Health Innovation Park", clusters: ["health"], goals: ["actieve-betrokkenheid", "samenwerking-hoger-onderwijs"],
             phase: .running, monthsInPhase: 14, budget: 3_200, municipal: 700, strengths: [4, 4, 4, 5, 4]),
        Plan(name: "Kenniscentrum E-commerce", description: "Praktijkgericht onderzoek en opleidingen voor webwinkels en hun toeleveranciers, met het hbo als kennispartner.",
             lead: "Topcentrum E-commerce", clusters: ["ict-ecommerce"], goals: ["samenwerking-hoger-onderwijs", "snelle-groeiers"],
             phase: .assessment, monthsInPhase: 2, budget: 1_400, municipal: 450, strengths: [4, 3, 4, 4, 4]),
        Plan(name: "Fieldlab Smart Manufacturing", description: "Een proeftuin waar maakbedrijven robotisering en data in de productie uitproberen voordat ze investeren.",
             lead: "Polymer Science Park", clusters: ["creatief-maak"], goals: ["snelle-groeiers", "actieve-betrokkenheid"],
             phase: .assessment, monthsInPhase: 4, budget: 2_100, municipal: 500, strengths: [4, 4, 3, 4, 4]),
        Plan(name: "Talent vasthouden met hogescholen", description: "Stages, afstudeeropdrachten en traineeships bij Zwolse bedrijven, zodat studenten na hun opleiding blijven.",
             lead: "Hogeschool Windesheim", clusters: ["ict-ecommerce", "health", "creatief-maak"], goals: ["samenwerking-hoger-onderwijs"],
             phase: .running, monthsInPhase: 20, budget: 900, municipal: 300, strengths: [3, 4, 4, 5, 5], mustInclude: true),
        Plan(name: "Acquisitieprogramma groeiclusters", description: "Gericht bedrijven van buiten de regio benaderen die een groeicluster versterken, samen met Oost NL.",
             lead: "Oost NL", clusters: ["ict-ecommerce", "health", "creatief-maak"], goals: ["aangetrokken-bedrijven"],
             phase: .decision, monthsInPhase: 1, budget: 600, municipal: 400, strengths: [4, 3, 3, 4, 2]),
        Plan(name: "Scale-up Academy", description: "Een leergang voor ondernemers die willen doorgroeien: leiderschap, financiering en internationalisering.",
             lead: "Regio Zwolle IT Platform", clusters: ["ict-ecommerce"], goals: ["snelle-groeiers"],
             phase: .idea, monthsInPhase: 2, budget: 350, municipal: 150, strengths: [3, 4, 4, 3, 3]),
        Plan(name: "Creatieve broedplaats Perron038", description: "Betaalbare werkplekken en een programma voor makers en ontwerpers, verbonden met de maakindustrie.",
             lead: "Perron038", clusters: ["creatief-maak"], goals: ["actieve-betrokkenheid"],
             phase: .running, monthsInPhase: 30, budget: 750, municipal: 250, strengths: [3, 3, 4, 4, 4]),
        Plan(name: "Living lab slimme zorg thuis", description: "Zorgtechnologie thuis testen met bewoners, thuiszorg en bedrijven, met Windesheim als onderzoekspartner.",
             lead: "Isala", clusters: ["health"], goals: ["samenwerking-hoger-onderwijs", "actieve-betrokkenheid"],
             phase: .idea, monthsInPhase: 1, budget: 1_200, municipal: 350, strengths: [4, 3, 2, 3, 4]),
        Plan(name: "Circulaire kunststoffen (Green PAC)", description: "Bedrijven en kennisinstellingen ontwikkelen samen recyclebare kunststoffen en biobased materialen.",
             lead: "Green PAC iLab", clusters: ["creatief-maak"], goals: ["samenwerking-hoger-onderwijs"],
             phase: .assessment, monthsInPhase: 5, budget: 1_800, municipal: 300, strengths: [4, 3, 3, 4, 3]),
        Plan(name: "Data-gedreven binnenstad", description: "Sensoren en open data over bezoekers en bereikbaarheid, voor ondernemers en de gemeente.",
             lead: "Smart Zwolle", clusters: ["ict-ecommerce"], goals: [],
             phase: .idea, monthsInPhase: 3, budget: 500, municipal: 350, strengths: [2, 3, 3, 3, 3]),
        Plan(name: "Logistieke hotspot Hessenpoort", description: "Slimme en duurzame logistiek op het bedrijventerrein: gedeelde laadpunten, clustering van stromen.",
             lead: "Gemeente Zwolle", clusters: ["logistiek"], goals: [],
             phase: .decision, monthsInPhase: 2, budget: 2_600, municipal: 900, strengths: [3, 3, 3, 3, 3]),
        Plan(name: "Climate Campus innovatieprojecten", description: "Oplossingen voor klimaatadaptatie en energie, met ondernemers, onderwijs en overheid.",
             lead: "Climate Campus", clusters: ["creatief-maak"], goals: ["actieve-betrokkenheid"],
             phase: .idea, monthsInPhase: 4, budget: 1_000, municipal: 400, strengths: [3, 4, 2, 2, 4]),
        Plan(name: "Startersloket groeiclusters", description: "Eén loket voor starters in de groeiclusters: huisvesting, financiering en coaching.",
             lead: "Gemeente Zwolle", clusters: ["ict-ecommerce", "health", "creatief-maak"], goals: ["snelle-groeiers"],
             phase: .done, monthsInPhase: 8, budget: 200, municipal: 200, strengths: [2, 3, 4, 4, 3]),
        Plan(name: "Hackathon-reeks met ArtEZ en Cibap", description: "Jaarlijkse challenges waarin studenten vraagstukken van bedrijven aanpakken.",
             lead: "ArtEZ hogeschool voor de kunsten", clusters: ["creatief-maak", "ict-ecommerce"], goals: ["actieve-betrokkenheid"],
             phase: .stopped, monthsInPhase: 6, budget: 150, municipal: 100, strengths: [2, 2, 3, 2, 4]),
    ]

    /// Reasons per criterion, weakest first (score 1-2, 3, 4-5).
    static let reasons: [Criterion: [String]] = [
        .impact: ["Raakt maar een klein deel van de Zwolse economie.", "Merkbaar voor één cluster, nog weinig voor het profiel van de stad.",
                  "Versterkt het economisch profiel van Zwolle zichtbaar en voor meerdere clusters."],
        .vliegwiel: ["Staat op zichzelf; weinig vervolg te verwachten.", "Kan een of twee vervolgprojecten opleveren.",
                     "Trekt andere projecten en partners aan; een echte hefboom."],
        .businesscase: ["Financiering en planning zijn nog onzeker.", "Haalbaar, maar de dekking is nog niet rond.",
                        "Realistisch budget, dekking grotendeels toegezegd, planning haalbaar."],
        .eigenaarschap: ["Er is nog geen duidelijke trekker.", "Een trekker is in beeld, maar nog niet vastgelegd.",
                         "Een sterke trekker die het project draagt."],
        .samenwerking: ["Vooral één partij; weinig samenwerking.", "Samenwerking tussen twee van de drie O's.",
                        "Ondernemers, onderwijs en overheid werken echt samen."],
    ]

    func seed() async throws {
        var random = SeededRandom("demo", "programme")
        let actor = Audit.Actor.system
        let accounts = Accounts(database: database, passwordCost: 4, actor: actor)
        var advisers: [User] = []
        for (name, email) in Self.advisers {
            advisers.append(try await accounts.create(email: email, name: name, role: .adviser, password: Secret.make()))
        }

        // The driver team: people of the demo register with a role at a company, a school or the municipality.
        let affiliations = try await Affiliation.query(on: database).with(\.$organisation).with(\.$person).all()
            .sorted { ($0.person.name, $0.organisation.name) < ($1.person.name, $1.organisation.name) }
        var members: [(person: UUID, side: DriverTeamMember.Side)] = []
        let team = DriverTeamService(database: database, actor: actor)
        for (side, kinds, count) in [(DriverTeamMember.Side.business, [Organisation.Kind.company], 4), (.education, [.education, .knowledgeInstitute], 2),
                                     (.government, [.government], 1)] {
            let candidates = affiliations.filter { kinds.contains($0.organisation.kind) && !members.map(\.person).contains($0.$person.id) }
            for affiliation in candidates.prefix(count) {
                try await team.add(person: affiliation.$person.id, side: side, since: DemoRelations.day(-700).text)
                members.append((affiliation.$person.id, side))
            }
        }

        let organisations = Dictionary(try await Organisation.query(on: database).all().map { ($0.name, try $0.requireID()) }, uniquingKeysWith: { first, _ in first })
        let known = try await ProjectService.known(on: database)
        let service = ProjectService(database: database, actor: actor)
        var projects: [(id: UUID, plan: Plan)] = []
        for (index, plan) in Self.plans.enumerated() {
            let since = DemoRelations.day(-30 * plan.monthsInPhase)
            let starts = plan.phase == .running || plan.phase == .done || plan.phase == .stopped ? DemoRelations.day(-30 * plan.monthsInPhase - 60) : DemoRelations.day(60 + 30 * (index % 4))
            let ends = CalendarDay(String(format: "%04d-12-31", starts.year + 2 + index % 2))!
            let partners = DemoRelations.publicOrganisations.map(\.name).filter { $0 != plan.lead }.enumerated()
                .filter { ($0.offset + index) % 5 == 0 }.compactMap { organisations[$0.element] }
            var scores: [ScoreInput] = []
            for (slot, criterion) in Criterion.allCases.enumerated() {
                // Three assessors: the two advisers and one driver-team member; they differ by a point now and then, and on one project a lot.
                var assessors = advisers.map { "user:\($0.id!.uuidString)" }
                if !members.isEmpty { assessors.append("person:\(members[index % members.count].person.uuidString)") }
                for (number, assessor) in assessors.enumerated() {
                    let spread = index == 5 && criterion == .samenwerking && number == 2 ? 2 : (random.chance(0.3) ? (random.chance(0.5) ? 1 : -1) : 0)
                    let score = min(5, max(1, plan.strengths[slot] + spread))
                    let reason = Self.reasons[criterion]![score <= 2 ? 0 : score == 3 ? 1 : 2]
                    var input = ScoreInput(criterion: criterion.rawValue, score: String(score), rationale: "Demodata: \(reason)")
                    switch Assessor(key: assessor)! {
                    case .user(let id): input.assessorUser = id.uuidString
                    case .person(let id): input.assessorPerson = id.uuidString
                    }
                    scores.append(input)
                }
            }
            var milestones: [MilestoneInput] = []
            for (step, what) in ["Projectplan en partners rond", "Financiering toegezegd", "Eerste resultaten gedeeld"].enumerated() {
                let due = starts.monthsEarlier(-4 * (step + 1))
                guard due <= ends else { continue }
                milestones.append(MilestoneInput(what: what, dueOn: due.text, doneOn: due < DemoRelations.day(0) && plan.phase != .idea ? due.text : nil))
            }
            var input = ProjectInput()
            (input.name, input.description, input.leadOrganisation) = (plan.name, "Demodata. " + plan.description, organisations[plan.lead]?.uuidString)
            (input.partners, input.clusters, input.goals, input.place) = (TextList(partners.map(\.uuidString)), TextList(plan.clusters), TextList(plan.goals), plan.place)
            (input.budgetTotal, input.budgetMunicipal) = (Format.plain(plan.budget * 1000), Format.plain(plan.municipal * 1000))
            input.fundingSources = plan.municipal < plan.budget ? "Gemeente Zwolle, provincie Overijssel, partners (demodata)" : "Gemeente Zwolle (demodata)"
            (input.phase, input.phaseSince, input.startsOn, input.endsOn) = (plan.phase.rawValue, since.text, starts.text, ends.text)
            (input.mustInclude, input.milestones, input.scores) = (String(plan.mustInclude), milestones, scores)
            let project = try await service.save(try input.validated(known: known))
            projects.append((try project.requireID(), plan))
        }

        // Four meetings over the last year, with an agenda, decisions and actions.
        let meetings = MeetingService(database: database, actor: actor)
        let owners = [try administrator.requireID()] + advisers.map { $0.id! }
        let goals = Dictionary(uniqueKeysWithValues: try await Goal.query(on: database).all().map { ($0.key, try $0.requireID()) })
        for (number, daysAgo) in [330, 240, 130, 30].enumerated() {
            let date = DemoRelations.day(-daysAgo)
            let discussed = [projects[(number * 3) % projects.count], projects[(number * 3 + 1) % projects.count], projects[(number * 3 + 2) % projects.count]]
            let agenda = [AgendaItemInput.Values(title: "Stand van de doelen", project: nil, goal: goals["actieve-betrokkenheid"], cluster: nil, organisation: nil)]
                + discussed.map { AgendaItemInput.Values(title: "Voortgang \($0.plan.name)", project: $0.id, goal: nil, cluster: nil, organisation: nil) }
            let decisions = [
                DecisionInput.Values(date: date.text, decision: "\(discussed[0].plan.name): door naar de volgende fase, mits de partners hun bijdrage bevestigen.",
                                     decidedBy: "Aanjaagteam", reasoning: "Demodata: hoge scores op impact en samenwerking; de businesscase moet nog sluiten.", project: discussed[0].id),
                DecisionInput.Values(date: date.text, decision: "De voortgang op de doelen komt elk overleg als eerste aan bod.", decidedBy: "Aanjaagteam", reasoning: nil, project: nil),
            ]
            let actions = discussed.prefix(2).enumerated().map { offset, project in
                ActionInput.Values(followUp: FollowUpInput.Values(description: "Demodata: \(offset == 0 ? "partners bevestigen voor" : "begroting bijwerken van") \(project.plan.name)",
                                                                  owner: owners[(number + offset) % owners.count], dueOn: DemoRelations.day(-daysAgo + 45 + 20 * offset).text,
                                                                  status: daysAgo > 100 ? .done : .open, organisation: nil, contactMoment: nil),
                                   project: project.id)
            }
            try await meetings.save(MeetingInput.Values(
                date: date.text, title: "Aanjaagteam \(number + 1)", location: number % 2 == 0 ? "Stadhuis Zwolle" : "Spoorzone, Zwolle",
                minutes: "Demodata. Het aanjaagteam besprak de stand van de doelen en de voortgang van drie projecten.\n\nDe leden deelden signalen uit hun netwerk over personeelstekorten en groeiplannen.",
                attendees: members.map(\.person), agenda: agenda, decisions: decisions, actions: actions))
        }
    }
}
