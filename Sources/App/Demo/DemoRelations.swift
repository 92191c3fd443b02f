import Analysis
import Fluent
import Foundation

/// The synthetic relations register of the demo: about 300 organisations (fictional companies
/// from the demo register, and the public institutions and initiatives the strategy names, in
/// their public role only), about 400 fictional people, about 1,500 contact moments over the
/// five years up to today with follow-ups, questions from entrepreneurs of the last three years
/// (the latest still open) and a dozen acquisitions with decisions before and after today. The
/// relations are dated relative to the day the demo is created, so that the watchlist, the tasks
/// and the pipeline look like those of a team at work; everything else is deterministic. All of
/// it goes through the same services (and audit trail) as a user's input.
struct DemoRelations {
    let database: Database
    /// The demo's logged-in administrator: also an account manager, so "Mijn taken" has tasks.
    let administrator: User

    static let years = 2021...2025

    /// Public institutions and initiatives named in the strategy, with their kind and, where
    /// the demo register has them, their name there.
    static let publicOrganisations: [(name: String, kind: Organisation.Kind, registerName: String?, tags: [String])] = [
        ("Isala", .company, "Isala", ["health"]),
        ("Hogeschool Windesheim", .education, "Hogeschool Windesheim", ["onderwijs"]),
        ("Cibap vakschool voor verbeelding", .education, "Cibap vakschool voor verbeelding", ["creatief", "onderwijs"]),
        ("ArtEZ hogeschool voor de kunsten", .education, "ArtEZ hogeschool voor de kunsten", ["creatief", "onderwijs"]),
        ("Gemeente Zwolle", .government, "Gemeente Zwolle", []),
        ("NHL Stenden Hogeschool", .education, nil, ["onderwijs"]),
        ("Universiteit Twente", .knowledgeInstitute, nil, ["kennispartner"]),
        ("Health Innovation Park", .intermediary, nil, ["health"]),
        ("Topcentrum E-commerce", .intermediary, nil, ["ict"]),
        ("Regio Zwolle IT Platform", .intermediary, nil, ["ict"]),
        ("Perron038", .intermediary, nil, ["creatief", "maakindustrie"]),
        ("Polymer Science Park", .knowledgeInstitute, nil, ["maakindustrie"]),
        ("Green PAC iLab", .knowledgeInstitute, nil, ["maakindustrie"]),
        ("Climate Campus", .intermediary, nil, ["duurzaamheid"]),
        ("Oost NL", .intermediary, nil, ["financiering"]),
        ("Smart Zwolle", .intermediary, nil, ["ict"]),
    ]

    static let managers = [("Eva Brink (demo)", "eva.brink@vliegwiel.example"), ("Joris Kamp (demo)", "joris.kamp@vliegwiel.example"),
                           ("Noor Visser (demo)", "noor.visser@vliegwiel.example")]
    static let firstNames = ["Anna", "Bram", "Chantal", "Daan", "Esther", "Femke", "Gijs", "Hanneke", "Ilse", "Jeroen", "Karin", "Lars", "Marloes", "Niels",
                             "Olga", "Pieter", "Quinten", "Rianne", "Sem", "Tessa", "Uriel", "Vera", "Wouter", "Yara", "Zoë", "Ahmed", "Fatima", "Mehmet", "Priya", "Wei"]
    static let lastNames = ["Aalders", "Bosch", "Dijkstra", "Evers", "Groen", "Hendriks", "Jansma", "Kuipers", "Lammers", "Mulder", "Nijhof", "Oosterveld",
                            "Postma", "Reinders", "Schaap", "Timmer", "Veenstra", "Wessels", "Zwiers", "Brouwer", "El Amrani", "Yilmaz", "Sharma", "Chen"]
    static let titles = ["Directeur", "Eigenaar", "HR-manager", "Operationeel manager", "Financieel directeur", "Innovatiemanager", "Bestuurder", "Vestigingsmanager"]
    static let notes = ["Uitbreiding van de productiehal besproken; zoekt 2.000 m² op Hessenpoort.", "Moeite met het vinden van technisch personeel; koppeling met Windesheim voorgesteld.",
                        "Wil investeren in automatisering; verwezen naar Oost NL voor financiering.", "Vergunning voor verbouwing loopt vertraging op.",
                        "Interesse in samenwerking binnen het health-cluster.", "Plannen voor verduurzaming van het pand; subsidiemogelijkheden verkend.",
                        "Kennismaking met nieuwe directie.", "Ervaringen met het stagebeleid van het mbo gedeeld.", "Zoekt contact met andere webshops in de regio.",
                        "Bereikbaarheid van het bedrijventerrein is een zorg.", "Exportplannen naar Duitsland besproken."]

    struct Summary: Sendable {
        let organisations: Int
        let people: Int
        let contactMoments: Int
        let followUps: Int
        let questions: Int
        let acquisitions: Int
    }

    func seed() async throws -> Summary {
        try await database.transaction { database in
            try await DemoRelations(database: database, administrator: administrator).build()
        }
    }

    private func build() async throws -> Summary {
        var random = SeededRandom("demo", "relations")
        let actor = Audit.Actor.system
        var managers = [try administrator.requireID()]
        let accounts = Accounts(database: database, passwordCost: 4, actor: actor)
        for (name, email) in Self.managers {
            // A random password nobody knows: these accounts exist to own the demo's work.
            let user = try await accounts.create(email: email, name: name, role: .accountmanager, password: Secret.make())
            managers.append(try user.requireID())
        }
        let organisationsService = OrganisationService(database: database, actor: actor)

        // Organisations: the named public ones, then fictional companies from the demo register.
        let latest = try await RegisterStore(database).latestYear(municipality: "GM0193") ?? Self.years.upperBound
        let records = try await RegisterStore(database).records(municipalities: ["GM0193"], years: latest...latest)
        let enterprises = Dictionary(grouping: records, by: \.kvkNumber)
        var organisations: [(id: UUID, kvk: String?, jobs: Int, manager: UUID)] = []
        for (index, institution) in Self.publicOrganisations.enumerated() {
            let rows = institution.registerName.flatMap { name in records.filter { $0.name == name } } ?? []
            let main = rows.max { $0.jobs < $1.jobs }
            let values = OrganisationInput.Values(
                kind: institution.kind, name: institution.name, kvkNumber: main?.kvkNumber, establishmentNumbers: rows.map(\.establishmentNumber).sorted(),
                sbi: main?.sbi, address: nil, postcode: main?.postcode, municipality: main == nil && institution.name == "Universiteit Twente" ? "GM0153" : "GM0193",
                website: nil, accountManager: managers[index % managers.count], tags: institution.tags, notes: nil, originMunicipality: nil, arrivedOn: nil)
            let organisation = try await organisationsService.create(values)
            organisations.append((try organisation.requireID(), main?.kvkNumber, rows.map(\.jobs).reduce(0, +), managers[index % managers.count]))
        }
        let publicKvks = Set(organisations.compactMap(\.kvk))
        let ranked = enterprises.filter { !publicKvks.contains($0.key) }
            .map { (kvk: $0.key, rows: $0.value, jobs: $0.value.map(\.jobs).reduce(0, +)) }
            .sorted { ($0.jobs, $1.kvk) > ($1.jobs, $0.kvk) }
        var chosen = Array(ranked.prefix(150))
        var rest = Array(ranked.dropFirst(150).filter { $0.jobs >= 5 })
        while chosen.count < 284, !rest.isEmpty { chosen.append(rest.remove(at: random.below(rest.count))) }
        let clusters: [(tag: String, prefixes: [String])] = [
            ("ict", ["58.2", "61", "62", "63", "47.91"]), ("health", ["21", "26.6", "32.5", "46.46", "86", "87", "88.1", "72.11"]),
            ("maakindustrie", ["20.16", "22", "25", "26", "27", "28", "29", "30", "33"]), ("creatief", ["58.1", "59", "60", "71.1", "73", "74.1", "90"]),
            ("logistiek", ["49.4", "50.4", "52", "53"]),
        ]
        for enterprise in chosen {
            let main = enterprise.rows.max { ($0.jobs, $1.establishmentNumber) < ($1.jobs, $0.establishmentNumber) }!
            let tags = clusters.filter { cluster in cluster.prefixes.contains { main.sbi.hasPrefix($0) } }.map(\.tag)
            let manager = managers[random.below(managers.count)]
            let values = OrganisationInput.Values(
                kind: .company, name: main.name, kvkNumber: enterprise.kvk, establishmentNumbers: enterprise.rows.map(\.establishmentNumber).sorted(),
                sbi: main.sbi, address: nil, postcode: main.postcode.isEmpty ? nil : main.postcode, municipality: "GM0193", website: nil,
                accountManager: manager, tags: tags, notes: nil, originMunicipality: nil, arrivedOn: nil)
            organisations.append((try await organisationsService.create(values).requireID(), enterprise.kvk, enterprise.jobs, manager))
        }
        // Three duplicates, as a real register has them: the same KvK number typed in again with a variant of the name.
        for enterprise in chosen.prefix(3) {
            let main = enterprise.rows.max { $0.jobs < $1.jobs }!
            let values = OrganisationInput.Values(
                kind: .company, name: main.name.replacingOccurrences(of: " B.V.", with: "") + " (vestiging)", kvkNumber: enterprise.kvk, establishmentNumbers: [],
                sbi: main.sbi, address: nil, postcode: main.postcode.isEmpty ? nil : main.postcode, municipality: "GM0193", website: nil,
                accountManager: nil, tags: [], notes: localized("Ingevoerd na een beurs.", "Entered after a fair."), originMunicipality: nil, arrivedOn: nil)
            organisations.append((try await organisationsService.create(values).requireID(), enterprise.kvk, 0, managers[0]))
        }

        // People: one to three per organisation until about 400, some with a second role elsewhere.
        let peopleService = PersonService(database: database, actor: actor)
        var people: [UUID: [UUID]] = [:]
        var personCount = 0
        for (index, organisation) in organisations.enumerated() where personCount < 400 {
            let count = index < 40 ? 3 : (random.chance(0.3) ? 2 : 1)
            for _ in 0..<count where personCount < 400 {
                let first = random.pick(Self.firstNames), last = random.pick(Self.lastNames)
                var consents: Set<PersonConsent.Purpose> = []
                if random.chance(0.4) { consents.insert(.newsletter) }
                if random.chance(0.15) { consents.insert(.showcase) }
                let slug = (first + "." + last).lowercased().replacingOccurrences(of: " ", with: "").folding(options: .diacriticInsensitive, locale: nil)
                let values = PersonInput.Values(name: "\(first) \(last)", email: "\(slug)\(personCount)@voorbeeld.example",
                                                phone: random.chance(0.6) ? "038-\(4_000_000 + random.below(999_999))" : nil,
                                                lawfulBasis: random.chance(0.85) ? .legitimateInterest : .consent, notes: nil, consents: consents)
                let from = "\(2010 + random.below(14))-\(String(format: "%02d", 1 + random.below(12)))-01"
                var roles = [AffiliationInput.Values(organisation: organisation.id, title: random.pick(Self.titles), from: from, to: nil)]
                if random.chance(0.08), let other = organisations.randomElement(using: &random), other.id != organisation.id {
                    roles.append(AffiliationInput.Values(organisation: other.id, title: localized("Lid raad van toezicht", "Supervisory board member"), from: from, to: nil))
                }
                let person = try await peopleService.create(values, roles: roles)
                people[organisation.id, default: []].append(try person.requireID())
                personCount += 1
            }
        }

        // Contact moments over the last five years, more with the larger organisations; a fifth with a follow-up.
        let topics = try await Topic.query(on: database).sort(\.$name).all().map { try $0.requireID() }
        let contacts = ContactMomentService(database: database, actor: actor), followUps = FollowUpService(database: database, actor: actor)
        let weights = organisations.map { 1 + log(Double(max($0.jobs, 1))) }
        let total = weights.reduce(0, +)
        let today = CalendarDay.today
        var contactCount = 0, followUpCount = 0
        for _ in 0..<1_500 {
            var pick = random.unit() * total, index = 0
            while index < weights.count - 1, pick > weights[index] { pick -= weights[index]; index += 1 }
            let organisation = organisations[index]
            let date = Self.day(-random.below(5 * 365))
            let attendees = Array((people[organisation.id] ?? []).prefix(random.below(3)))
            let kind: ContactMoment.Kind = random.pick([.visit, .visit, .call, .call, .meeting, .event, .email])
            var followUp: FollowUpInput.Values?
            if random.chance(0.2) {
                let due = CalendarDay(Calendar(identifier: .gregorian).date(byAdding: .day, value: 14 + random.below(60), to: QuestionInput.moment(date.text)!)!)
                let owner = organisation.manager
                // A working team: what fell due more than a month ago is nearly all done.
                let done = due.text < today.monthsEarlier(1).text && random.chance(0.97)
                followUp = .init(description: random.pick([localized("Offerte voor bedrijfsruimte nasturen", "Send the offer for business premises"),
                                                           localized("Introductie bij Windesheim regelen", "Arrange an introduction at Windesheim"),
                                                           localized("Terugkoppelen over de vergunning", "Report back on the permit"),
                                                           localized("Uitnodigen voor de clusterbijeenkomst", "Invite to the cluster meeting")]),
                                 owner: owner, dueOn: due.text, status: done ? .done : .open, organisation: organisation.id, contactMoment: nil)
                followUpCount += 1
            }
            try await contacts.create(ContactMomentInput.Values(
                date: date.text, kind: kind, organisations: [organisation.id], people: attendees, accountManagers: [organisation.manager],
                topics: Array(Set([random.pick(topics), random.pick(topics)])), notes: random.pick(Self.notes), followUp: followUp))
            contactCount += 1
        }
        // Open follow-ups for the demo's own login, one of them overdue.
        for (offset, text) in [(-10, localized("Huisvestingsvraag beantwoorden", "Answer the housing question")), (7, localized("Bedrijfsbezoek plannen", "Plan a company visit")),
                               (21, localized("Verslag clustertafel rondsturen", "Send round the cluster table notes"))] {
            let due = Self.day(offset)
            try await followUps.create(.init(description: text, owner: managers[0], dueOn: due.text, status: .open, organisation: organisations[offset < 0 ? 0 : 1].id, contactMoment: nil))
            followUpCount += 1
        }

        // Questions from entrepreneurs over the last three years; those of the last two weeks mostly still open.
        let questions = QuestionService(database: database, actor: actor)
        let asked = [localized("Welke vergunning heb ik nodig voor een terras?", "Which permit do I need for a terrace?"),
                     localized("Is er bedrijfsruimte beschikbaar in de Spoorzone?", "Is there business space in the Spoorzone?"),
                     localized("Waar vind ik subsidie voor verduurzaming?", "Where can I find a subsidy for making the building sustainable?"),
                     localized("Hoe kom ik in contact met stagiairs van het mbo?", "How do I get in touch with vocational interns?"),
                     localized("Kan de gemeente helpen bij het vinden van personeel?", "Can the municipality help to find staff?")]
        var questionCount = 0
        for number in 0..<120 {
            let received = QuestionInput.moment("\(Self.day(-1 - random.below(3 * 365)).text)T\(String(format: "%02d", 8 + random.below(9))):00")!
            let organisation = random.chance(0.7) ? organisations[random.below(organisations.count)].id : nil
            var values = QuestionInput.Values(question: random.pick(asked), channel: random.pick(Question.Channel.allCases), organisation: organisation, person: nil,
                                              routedTo: random.chance(0.5) ? random.pick(["Vergunningen", "Bedrijfshuisvesting", "Werkgeversservicepunt", "Oost NL"]) : nil,
                                              assignee: managers[number % managers.count], status: .new, receivedAt: received, answer: nil)
            let question = try await questions.create(values, now: received)
            questionCount += 1
            guard received < Date(timeIntervalSinceNow: -14 * 86_400) || random.chance(0.3) else { continue }
            (values.status, values.answer) = (.answered, localized("Beantwoord en doorverwezen.", "Answered and referred."))
            let answered = received.addingTimeInterval(random.uniform(0.1...9) * 86_400)
            try await questions.update(question, with: values, now: answered)
            if random.chance(0.8) {
                values.status = .closed
                try await questions.update(question, with: values, now: answered.addingTimeInterval(random.uniform(0.5...20) * 86_400))
            }
        }

        // A dozen acquisitions; four landed, two of them confidential while they ran.
        let acquisitionService = AcquisitionService(database: database, actor: actor, area: DemoProfile.zwolle)
        // Decisions in days from today: landed and lost ones in the past, open ones mostly ahead, one overdue.
        let clusterIDs = try await ClusterService.idsByKey(on: database)
        let acquisitionItems: [(String, String?, String, String, Acquisition.Stage, Int, Int)] = [
            ("Datacentrum Noordwest (demo)", nil, "GM0363", "ict-ecommerce", .landed, 35, -1_500), ("MedTech Solutions (demo)", nil, "GM0772", "health", .landed, 60, -1_100),
            ("Print3D Productie (demo)", nil, "GM0599", "creatief-maak", .landed, 25, -700), ("Webshop Logistiek Oost (demo)", nil, "GM0200", "logistiek", .landed, 80, -300),
            ("Batterijfabriek Zuid (demo)", "Project Reiger", "GM0796", "creatief-maak", .decision, 150, 90),
            ("Zorgrobotica (demo)", "Project Otter", "GM0344", "health", .proposal, 40, 180),
            ("Cloud Security NL (demo)", nil, "GM0014", "ict-ecommerce", .contact, 20, 270), ("Game Studio Vier (demo)", nil, "GM0202", "creatief-maak", .lead, 12, 395),
            ("Koeltransport Holland (demo)", nil, "GM0307", "logistiek", .lost, 45, -570), ("Fintech Delta (demo)", nil, "GM0518", "ict-ecommerce", .lost, 30, -1_000),
            ("Orthopedie Innovatie (demo)", nil, "GM0153", "health", .contact, 18, -20), ("Smart Textiles (demo)", nil, "GM0150", "creatief-maak", .lead, 15, 455),
        ]
        for (name, codename, origin, cluster, stage, jobs, decision) in acquisitionItems {
            try await acquisitionService.create(AcquisitionInput.Values(
                companyName: name, codename: codename, originMunicipality: origin, cluster: clusterIDs[cluster], stage: stage, expectedJobs: jobs,
                expectedInvestment: jobs * 150_000, decisionOn: Self.day(decision).text, notes: nil, organisation: nil, team: codename == nil ? [] : [managers[0], managers[1]]))
        }
        return Summary(organisations: try await Organisation.query(on: database).count(), people: personCount, contactMoments: contactCount, followUps: followUpCount,
                       questions: questionCount, acquisitions: acquisitionItems.count)
    }
}

extension DemoRelations {
    /// The day `offset` days from today (negative: before).
    static func day(_ offset: Int) -> CalendarDay {
        CalendarDay(Calendar(identifier: .gregorian).date(byAdding: .day, value: offset, to: Date())!)
    }
}

extension Array {
    /// A random element by the demo's own generator.
    func randomElement(using random: inout SeededRandom) -> Element? {
        isEmpty ? nil : self[random.below(count)]
    }
}
