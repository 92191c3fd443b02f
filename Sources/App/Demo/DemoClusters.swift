import Analysis
import Fluent
import Foundation

/// The demo's cluster work: the education and knowledge institutions and networks the strategy
/// names added to their clusters, and about 250 engagements over the five years up to today,
/// dated relative to the day the demo is made, so that ICT & E-commerce and Health have more than
/// 15 actively involved organisations and Creative & smart manufacturing does not (yet).
/// Then a collaboration network: the named public institutions in their public role and the
/// clusters' companies working with them and with each other.
/// Deterministic, and through the same services (and audit trail) as a user's input.
struct DemoClusters {
    let database: Database

    /// Organisations added by hand to clusters (by the name the demo relations give them).
    static let members: [String: [String]] = [
        "ict-ecommerce": ["Hogeschool Windesheim", "Topcentrum E-commerce", "Regio Zwolle IT Platform"],
        "health": ["Hogeschool Windesheim", "Health Innovation Park", "Isala"],
        "creatief-maak": ["Cibap vakschool voor verbeelding", "ArtEZ hogeschool voor de kunsten", "Perron038", "Universiteit Twente", "NHL Stenden Hogeschool"],
    ]
    /// How many organisations take part in each cluster's work in the last year.
    static let activeLastYear: [String: Int] = ["ict-ecommerce": 21, "health": 18, "creatief-maak": 11, "logistiek": 6]
    static let total = 250
    /// The level of the named education and knowledge institutions.
    static let levels: [String: Organisation.EducationLevel] = [
        "Hogeschool Windesheim": .hbo, "NHL Stenden Hogeschool": .hbo, "ArtEZ hogeschool voor de kunsten": .hbo,
        "Cibap vakschool voor verbeelding": .mbo, "Universiteit Twente": .wo,
    ]

    @discardableResult
    func seed() async throws -> Int {
        var random = SeededRandom("demo", "clusters")
        let clusterService = ClusterService(database: database, actor: .system)
        let engagements = EngagementService(database: database, actor: .system)
        let organisations = try await Organisation.query(on: database).sort(\.$name).all()
        let byName = Dictionary(organisations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let organisationService = OrganisationService(database: database, actor: .system)
        let (reference, users) = (try ReferenceData.shared.get(), try await UserDirectory.load(on: database))
        for (name, level) in Self.levels {
            guard let organisation = byName[name] else { continue }
            var input = OrganisationInput(organisation, establishments: try await organisationService.establishments(of: organisation.requireID()))
            input.educationLevel = level.rawValue
            try await organisationService.update(organisation, with: try input.validated(reference: reference, users: users))
        }
        let clusters = try await ClusterService.all(on: database)
        var candidates: [String: [Organisation]] = [:]
        for cluster in clusters {
            let added = (Self.members[cluster.key] ?? []).compactMap { byName[$0]?.id }
            if !added.isEmpty {
                try await clusterService.save(ClusterInput.Values(key: cluster.key, nameNL: cluster.nameNL, nameEN: cluster.nameEN, isGrowthCluster: cluster.isGrowthCluster,
                                                                  sbiPrefixes: cluster.prefixes, added: added, excluded: []), to: cluster)
            }
            let definition = ClusterDefinition(sbiPrefixes: cluster.prefixes)
            let bySBI = organisations.filter { organisation in organisation.sbi.map(definition.covers(sbi:)) ?? false }
            var seen = Set<UUID>()
            candidates[cluster.key] = ((Self.members[cluster.key] ?? []).compactMap { byName[$0] } + bySBI).filter { $0.id.map { seen.insert($0).inserted } ?? false }
        }
        let people = try await Affiliation.query(on: database).all()
        let peopleOf = Dictionary(grouping: people, by: \.$organisation.id).mapValues { $0.map(\.$person.id) }
        let notes = [localized("Clustertafel over talent en stages.", "Cluster table on talent and internships."),
                     localized("Gezamenlijke aanvraag voorbereid.", "Joint application prepared."),
                     localized("Pitch en netwerkborrel.", "Pitches and networking drinks."), nil]
        var count = 0
        let record = { (cluster: Cluster, date: CalendarDay, group: [Organisation], random: inout SeededRandom) async throws in
            let ids = group.compactMap(\.id)
            let attendees = ids.compactMap { peopleOf[$0]?.first }.prefix(2)
            try await engagements.save(EngagementInput.Values(
                date: date.text, kind: random.pick(Engagement.Kind.allCases), clusters: [try cluster.requireID()], organisations: ids,
                people: Array(attendees), notes: random.pick(notes)))
            count += 1
        }
        // The last year: events with two to five organisations until the cluster's target is reached.
        for cluster in clusters {
            let pool = candidates[cluster.key] ?? []
            guard !pool.isEmpty else { continue }
            var involved = Set<UUID>()
            let target = min(Self.activeLastYear[cluster.key] ?? 5, pool.count)
            var start = 0
            while involved.count < target {
                let size = 2 + random.below(4)
                let group = (0..<size).map { pool[(start + $0) % pool.count] }
                start += size - 1
                involved.formUnion(group.compactMap(\.id))
                try await record(cluster, DemoRelations.day(-1 - random.below(330)), group, &random)
            }
        }
        // Earlier years: the rest, spread over the four years before.
        let usable = clusters.filter { (candidates[$0.key]?.count ?? 0) >= 2 }
        while count < Self.total, !usable.isEmpty {
            let cluster = random.pick(usable)
            let pool = candidates[cluster.key] ?? []
            let group = Array(Set((0..<(1 + random.below(4))).map { _ in random.pick(pool) }.map(\.name))).sorted().compactMap { byName[$0] }
            try await record(cluster, DemoRelations.day(-366 - random.below(4 * 365)), group, &random)
        }
        try await seedNetwork(byName: byName, candidates: candidates, clusters: clusters)
        try await seedShowcase(candidates: candidates, clusters: clusters)
        return count
    }

    /// What the demo's consenting companies say of themselves, per growth cluster.
    static let descriptions: [String: [String]] = [
        "ict-ecommerce": [localized("Bouwt webwinkels en koppelingen voor het mkb in de regio.", "Builds web shops and integrations for regional SMEs."),
                          localized("Software voor planning en logistiek, ontwikkeld met studenten van Windesheim.", "Planning and logistics software, developed with Windesheim students."),
                          localized("Hosting en beveiliging voor Zwolse bedrijven.", "Hosting and security for Zwolle businesses."),
                          localized("Data-analyse voor webwinkels: wat klanten zoeken en kopen.", "Data analysis for web shops: what customers look for and buy.")],
        "health": [localized("Zorg aan huis met slimme technologie.", "Care at home with smart technology."),
                   localized("Fysiotherapie en beweegprogramma's, partner in het Health Innovation Park.", "Physiotherapy and exercise programmes, partner in the Health Innovation Park."),
                   localized("Test nieuwe zorgtoepassingen samen met patiënten.", "Tests new care applications together with patients."),
                   localized("Praktijk die stageplaatsen biedt aan zorgopleidingen.", "A practice offering internships to care programmes.")],
        "creatief-maak": [localized("Ontwerpt en maakt onderdelen van biobased kunststof.", "Designs and makes parts from bio-based plastics."),
                          localized("Ontwerpbureau voor producten en verpakkingen.", "Design studio for products and packaging."),
                          localized("Maakbedrijf dat automatiseert met robots uit de regio.", "A manufacturer automating with robots from the region."),
                          localized("Werkplaats voor prototypes en kleine series.", "Workshop for prototypes and small series.")],
    ]

    /// A dozen companies consent to the showcase, four per growth cluster, those in the Spoorzone first.
    private func seedShowcase(candidates: [String: [Organisation]], clusters: [Cluster]) async throws {
        let spoorzone = Place(key: "spoorzone", name: "Spoorzone", postcodes: ["8011", "8017"])
        var chosen = Set<UUID>()
        // Fictional companies only: not the real institutions the strategy names.
        let named = Set(DemoRelations.publicOrganisations.map(\.name))
        let organisations = OrganisationService(database: database, actor: .system)
        let (reference, users) = (try ReferenceData.shared.get(), try await UserDirectory.load(on: database))
        for cluster in clusters where cluster.isGrowthCluster {
            let companies = (candidates[cluster.key] ?? []).filter { $0.kind == .company && !named.contains($0.name) && !chosen.contains($0.id ?? UUID()) }
            let ordered = companies.filter { spoorzone.contains(postcode: $0.postcode) }.prefix(2) + companies.filter { !spoorzone.contains(postcode: $0.postcode) }
            for (organisation, description) in zip(ordered.prefix(4), Self.descriptions[cluster.key] ?? []) {
                guard let id = organisation.id else { continue }
                chosen.insert(id)
                if organisation.website == nil {
                    var input = OrganisationInput(organisation, establishments: try await organisations.establishments(of: id))
                    let slug = organisation.name.lowercased().folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter || $0.isNumber }
                    input.website = "https://www.\(slug).example"
                    try await organisations.update(organisation, with: try input.validated(reference: reference, users: users))
                }
                try await ShowcaseService(database: database, actor: .system).consent(organisation, description: description)
            }
        }
    }

    /// How the named public institutions work together in their public role (kind, strength).
    static let publicLinks: [(String, String, Collaboration.Kind, Int)] = [
        ("Gemeente Zwolle", "Oost NL", .projectPartnership, 4), ("Gemeente Zwolle", "Health Innovation Park", .projectPartnership, 4),
        ("Gemeente Zwolle", "Smart Zwolle", .projectPartnership, 3), ("Gemeente Zwolle", "Climate Campus", .projectPartnership, 2),
        ("Isala", "Health Innovation Park", .sharedFacility, 5), ("Hogeschool Windesheim", "Health Innovation Park", .education, 4),
        ("Hogeschool Windesheim", "Isala", .research, 4), ("Hogeschool Windesheim", "NHL Stenden Hogeschool", .research, 4),
        ("NHL Stenden Hogeschool", "Green PAC iLab", .sharedFacility, 4), ("Hogeschool Windesheim", "Green PAC iLab", .sharedFacility, 4),
        ("Green PAC iLab", "Polymer Science Park", .research, 3), ("Universiteit Twente", "Polymer Science Park", .research, 2),
        ("Perron038", "Cibap vakschool voor verbeelding", .education, 3), ("Perron038", "ArtEZ hogeschool voor de kunsten", .education, 3),
        ("Hogeschool Windesheim", "Topcentrum E-commerce", .education, 4), ("Regio Zwolle IT Platform", "Topcentrum E-commerce", .projectPartnership, 3),
        ("Oost NL", "Polymer Science Park", .projectPartnership, 2),
    ]

    /// The collaborations: the public institutions' links, and companies of each cluster working
    /// with its institutions and with each other; a few ended a while ago.
    private func seedNetwork(byName: [String: Organisation], candidates: [String: [Organisation]], clusters: [Cluster]) async throws {
        var random = SeededRandom("demo", "collaborations")
        let service = CollaborationService(database: database, actor: .system)
        let save = { (a: Organisation, b: Organisation, kind: Collaboration.Kind, strength: Int, random: inout SeededRandom) async throws in
            guard let first = a.id, let second = b.id, first != second else { return }
            let started = DemoRelations.day(-60 - random.below(4 * 365))
            let ended = random.chance(0.12) ? DemoRelations.day(-1 - random.below(50)) : nil
            try await service.save(CollaborationInput.Values(first: first, second: second, kind: kind, strength: strength, startedOn: started.text,
                                                             endedOn: ended.map { max($0, started).text }, notes: nil))
        }
        for (a, b, kind, strength) in Self.publicLinks {
            guard let first = byName[a], let second = byName[b] else { continue }
            try await save(first, second, kind, strength, &random)
        }
        for cluster in clusters {
            let institutions = (Self.members[cluster.key] ?? []).compactMap { byName[$0] }
            let companies = (candidates[cluster.key] ?? []).filter { $0.kind == .company }.prefix(24)
            guard !companies.isEmpty else { continue }
            for company in companies {
                if let institution = institutions.isEmpty ? nil : random.pick(institutions), random.chance(0.7) {
                    try await save(company, institution, institution.kind == .education ? .education : random.pick([.projectPartnership, .research]),
                                   1 + random.below(4), &random)
                }
                if random.chance(0.45) {
                    try await save(company, random.pick(Array(companies)), random.pick([.supply, .projectPartnership, .research]), 1 + random.below(5), &random)
                }
            }
        }
    }
}
