import Fluent
import Foundation
import SQLKit
import Vapor

/// An acquisition (a company from outside the region) as a form or the API gives it.
struct AcquisitionInput: Content, Sendable, Equatable {
    var companyName: String?
    var codename: String?
    var originMunicipality: String?
    /// A cluster's key (`health`).
    var cluster: String?
    var stage: String?
    var expectedJobs: String?
    var expectedInvestment: String?
    var decisionOn: String?
    var notes: String?
    /// The organisation in the city it became, when landed; empty makes one on landing.
    var organisation: String?
    /// The users who see a confidential acquisition's name (ids or e-mail addresses).
    var team: TextList?

    enum CodingKeys: String, CodingKey {
        case codename, cluster, stage, notes, organisation, team
        case companyName = "company_name", originMunicipality = "origin_municipality", expectedJobs = "expected_jobs"
        case expectedInvestment = "expected_investment", decisionOn = "decision_on"
    }

    struct Values: Sendable, Equatable {
        var companyName: String
        var codename: String?
        var originMunicipality: String?
        var cluster: UUID?
        var stage: Acquisition.Stage
        var expectedJobs: Int?
        var expectedInvestment: Int?
        var decisionOn: String?
        var notes: String?
        var organisation: UUID?
        var team: [UUID]
    }

    /// Numbers may come as JSON numbers or as text.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            if let number = try? container.decodeIfPresent(Int.self, forKey: key) { return String(number) }
            return try container.decodeIfPresent(String.self, forKey: key)
        }
        companyName = try text(.companyName)
        codename = try text(.codename)
        originMunicipality = try text(.originMunicipality)
        cluster = try text(.cluster)
        stage = try text(.stage)
        expectedJobs = try text(.expectedJobs)
        expectedInvestment = try text(.expectedInvestment)
        decisionOn = try text(.decisionOn)
        notes = try text(.notes)
        organisation = try text(.organisation)
        team = try container.decodeIfPresent(TextList.self, forKey: .team)
    }

    init() {}

    init(_ acquisition: Acquisition, cluster: Cluster?, team: [UUID]) {
        companyName = acquisition.companyName
        codename = acquisition.codename
        originMunicipality = acquisition.originMunicipality
        self.cluster = cluster?.key
        stage = acquisition.stage.rawValue
        expectedJobs = acquisition.expectedJobs.map(String.init)
        expectedInvestment = acquisition.expectedInvestment.map(String.init)
        decisionOn = acquisition.decisionOn
        notes = acquisition.notes
        organisation = acquisition.$organisation.id?.uuidString
        self.team = TextList(team.map(\.uuidString))
    }


    /// Checks every field; the origin must lie outside `region`.
    func validated(on database: Database, users: UserDirectory, reference: ReferenceData, region: AppConfig.Region) async throws -> Values {
        var check = FieldCheck()
        let name = check.required("company_name", companyName)
        let codename = check.optional("codename", codename, maxLength: 60)
        let origin = check.municipality("origin_municipality", originMunicipality, reference: reference)
        if let origin, region.members.contains(origin) {
            check.report("origin_municipality", localized("\(origin) ligt in \(region.name); acquisitie gaat over bedrijven van buiten de regio",
                                                          "\(origin) is in \(region.name); acquisition is about companies from outside the region"))
        }
        var cluster: UUID?
        if let text = check.optional("cluster", self.cluster)?.lowercased() {
            let clusters = try await ClusterService.idsByKey(on: database)
            cluster = clusters[Acquisition.formerClusterValues[text] ?? text]
            if cluster == nil {
                check.report("cluster", localized("'\(text.prefix(40))' is geen cluster; kies \(clusters.keys.sorted().joined(separator: ", "))",
                                                  "'\(text.prefix(40))' is not a cluster; pick \(clusters.keys.sorted().joined(separator: ", "))"))
            }
        }
        let stage = check.choice("stage", stage, as: Acquisition.Stage.self) ?? .lead
        let jobs = check.count("expected_jobs", expectedJobs, in: 0...100_000)
        let investment = check.count("expected_investment", expectedInvestment, in: 0...Int(Int32.max))
        let decision = check.date("decision_on", decisionOn)
        let notes = check.optional("notes", notes)
        let organisation = try await ContactMomentInput.existing(Organisation.self, "organisation", organisation.map { TextList([$0]) }, check: &check, on: database).first
        var team: [UUID] = []
        for text in self.team?.items ?? [] {
            if let id = users.id(of: text) { team.append(id) } else {
                check.report("team", localized("'\(text)' is geen gebruiker van Vliegwiel", "'\(text)' is not a Vliegwiel user"))
            }
        }
        if codename != nil, stage == .landed, organisation == nil {
            // Landing makes the company an organisation that everyone sees, with its origin and
            // arrival date: that would give the secret away while the codename still hides it.
            check.report("stage", localized(
                "een vertrouwelijke acquisitie landt pas als ze openbaar is: haal eerst de codenaam weg (of koppel een bestaande organisatie)",
                "a confidential acquisition lands only once it is public: remove the codename first (or link an existing organisation)"))
        }
        if codename != nil, team.isEmpty {
            check.report("team", localized("een vertrouwelijke acquisitie (met codenaam) heeft een team nodig", "a confidential acquisition (with a codename) needs a team"))
        }
        try check.throwIfAny()
        return Values(companyName: name!, codename: codename, originMunicipality: origin, cluster: cluster, stage: stage, expectedJobs: jobs,
                      expectedInvestment: investment, decisionOn: decision, notes: notes, organisation: organisation, team: Array(Set(team)))
    }
}

/// The attraction pipeline. A confidential acquisition (with a codename) shows its company name,
/// origin and notes only to its team; a landed one becomes an organisation in the city.
struct AcquisitionService {
    let database: Database
    let actor: Audit.Actor
    /// The city companies land in (for the organisation made on landing).
    let area: String

    @discardableResult
    func create(_ values: AcquisitionInput.Values) async throws -> Acquisition {
        let acquisition = Acquisition()
        try await database.transaction { database in
            try await AcquisitionService(database: database, actor: actor, area: area).save(acquisition, values, isNew: true)
        }
        return acquisition
    }

    func update(_ acquisition: Acquisition, with values: AcquisitionInput.Values) async throws {
        try await database.transaction { database in
            try await AcquisitionService(database: database, actor: actor, area: area).save(acquisition, values, isNew: false)
        }
    }

    private func save(_ acquisition: Acquisition, _ values: AcquisitionInput.Values, isNew: Bool) async throws {
        let oldStage = isNew ? nil : acquisition.stage.rawValue
        acquisition.companyName = values.companyName
        acquisition.codename = values.codename
        acquisition.originMunicipality = values.originMunicipality
        acquisition.$cluster.id = values.cluster
        acquisition.stage = values.stage
        acquisition.expectedJobs = values.expectedJobs
        acquisition.expectedInvestment = values.expectedInvestment
        acquisition.decisionOn = values.decisionOn
        acquisition.notes = values.notes
        acquisition.$organisation.id = values.organisation
        if values.stage == .landed, acquisition.$organisation.id == nil {
            let organisation = try await OrganisationService(database: database, actor: actor).create(OrganisationInput.Values(
                kind: .company, name: values.companyName, kvkNumber: nil, establishmentNumbers: [], sbi: nil, address: nil, postcode: nil,
                municipality: area, website: nil, accountManager: actor.userID, tags: ["acquisitie"], notes: nil,
                originMunicipality: values.originMunicipality, arrivedOn: values.decisionOn ?? CalendarDay.today.text))
            acquisition.$organisation.id = try organisation.requireID()
        }
        try await acquisition.save(on: database)
        let id = try acquisition.requireID()
        try await (database as! any SQLDatabase).replaceLinks(in: "acquisition_team", owner: "acquisition_id", id, to: "user_id", values: values.team.map(BulkValue.uuid))
        // Of a confidential acquisition the trail keeps what everyone may know (codename, stage):
        // the company name and the organisation it became are recorded as changed, without values.
        let organisation = acquisition.$organisation.id?.uuidString
        let hidden = values.codename != nil
        try await Audit.record(isNew ? .create : .update, .acquisition, id: id.uuidString, changes: [
            .value("stage", old: oldStage, new: values.stage.rawValue), .value("codename", old: nil, new: values.codename),
            hidden ? .personal("company_name") : .value("company_name", old: nil, new: values.companyName),
            hidden ? (organisation == nil ? nil : .personal("organisation")) : .value("organisation", old: nil, new: organisation),
        ].compactMap { $0 }, by: actor, on: database)
    }

    static func team(of id: UUID, on database: Database) async throws -> [UUID] {
        try await teams(of: [id], on: database)[id] ?? []
    }

    /// The teams of several acquisitions in one query.
    static func teams(of ids: [UUID], on database: Database) async throws -> [UUID: [UUID]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (database as! any SQLDatabase).select().column("acquisition_id").column("user_id").from("acquisition_team")
            .where("acquisition_id", .in, SQLBind.group(ids)).all()
        return try Dictionary(grouping: rows, by: { try $0.decode(column: "acquisition_id", as: UUID.self) })
            .mapValues { try $0.map { try $0.decode(column: "user_id", as: UUID.self) } }
    }

    /// An acquisition as one user may know it. Outside its team a confidential acquisition is its
    /// codename, stage and cluster, nothing more: no name, origin, numbers, dates, notes, team or
    /// organisation (which would name the company once landed).
    struct Visible: Sendable, Equatable {
        let id: UUID
        /// The company name, or the codename for those outside the team.
        let name: String
        let codename: String?
        let mayOpen: Bool
        let companyName: String?
        let originMunicipality: String?
        let cluster: Named.Keyed?
        let stage: Acquisition.Stage
        let expectedJobs: Int?
        let expectedInvestment: Int?
        let decisionOn: String?
        let notes: String?
        let organisation: UUID?
        let team: [UUID]?

        var isConfidential: Bool { codename != nil }

        /// Still open (neither landed nor lost) while its decision date has passed.
        func isOverdue(on today: CalendarDay) -> Bool {
            guard stage != .landed, stage != .lost, let day = decisionOn.flatMap(CalendarDay.init) else { return false }
            return day < today
        }
    }

    /// The acquisitions as `user` may know them, by stage and then by the name *they* see, so
    /// that a list's order cannot give a hidden company name away.
    func visible(_ acquisitions: [Acquisition], to user: UUID?) async throws -> [Visible] {
        let teams = try await Self.teams(of: acquisitions.map { try $0.requireID() }, on: database)
        let clusters = Dictionary(uniqueKeysWithValues: try await Cluster.query(on: database).all().map { (try $0.requireID(), Named.Keyed(key: $0.key, name: $0.name)) })
        var result: [Visible] = []
        for acquisition in acquisitions {
            let id = try acquisition.requireID()
            let team = teams[id] ?? []
            let open = acquisition.codename == nil || user.map(team.contains) == true
            result.append(Visible(
                id: id, name: open ? acquisition.companyName : acquisition.codename ?? "", codename: acquisition.codename, mayOpen: open,
                companyName: open ? acquisition.companyName : nil, originMunicipality: open ? acquisition.originMunicipality : nil,
                cluster: acquisition.$cluster.id.flatMap { clusters[$0] }, stage: acquisition.stage, expectedJobs: open ? acquisition.expectedJobs : nil,
                expectedInvestment: open ? acquisition.expectedInvestment : nil, decisionOn: open ? acquisition.decisionOn : nil,
                notes: open ? acquisition.notes : nil, organisation: open ? acquisition.$organisation.id : nil, team: open ? team : nil))
        }
        let stages = Acquisition.Stage.allCases
        return result.sorted {
            ($0.stage == $1.stage) ? $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
                : stages.firstIndex(of: $0.stage)! < stages.firstIndex(of: $1.stage)!
        }
    }

    /// Whether `user` may see the acquisition's confidential details.
    static func mayOpen(_ acquisition: Acquisition, user: UUID?, on database: Database) async throws -> Bool {
        guard acquisition.codename != nil else { return true }
        guard let user else { return false }
        return try await Self.team(of: acquisition.requireID(), on: database).contains(user)
    }

    static func find(_ id: UUID?, on database: Database) async throws -> Acquisition {
        try await Acquisition.find(id, on: database, missing: localized("Deze acquisitie bestaat niet (meer).", "This acquisition does not exist (any more)."))
    }
}
