import Analysis
import Fluent
import Foundation

/// The demo's cluster work: the education and knowledge institutions and networks the strategy
/// names added to their clusters, and about 250 engagements over the five years up to today,
/// dated relative to the day the demo is made, so that ICT & E-commerce and Health have more than
/// 15 actively involved organisations and Creative & smart manufacturing does not (yet).
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
        return count
    }
}
