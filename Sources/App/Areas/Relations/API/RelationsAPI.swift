import Fluent
import SQLKit
import Vapor

/// `/api/v1/organisations`: the organisations of the relations register. The JSON keys are the
/// fields of `OrganisationInput` (and the CSV columns), plus `id` and timestamps.
enum OrganisationsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let kind: String
        let name: String
        let kvkNumber: String?
        let establishmentNumbers: [String]
        let sbi, address, postcode, municipality, website: String?
        let accountManager: UUID?
        let tags: [String]
        let notes, originMunicipality, arrivedOn, educationLevel: String?
        let createdAt, updatedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, kind, name, sbi, address, postcode, municipality, website, tags, notes
            case kvkNumber = "kvk_number", establishmentNumbers = "establishment_numbers", accountManager = "account_manager"
            case originMunicipality = "origin_municipality", arrivedOn = "arrived_on", educationLevel = "education_level"
            case createdAt = "created_at", updatedAt = "updated_at"
        }
    }

    static let path = "organisations"
    static let noun = "organisation"
    static let listIsCacheable = true
    static let filters: [APIParameter] = [
        .text("q", "Words in the name, KvK number, address or notes."),
        .choice("kind", "The kind of organisation.", Organisation.Kind.self),
        .id("account_manager", "The account manager (a user id)."),
        .text("tag", "A tag."),
        .text("municipality", "The municipality's name."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Organisation], total: Int) {
        var filter = try OrganisationService.Filter.parse(request, names: .api)
        (filter.page, filter.pageSize) = (page, size)
        let result = try await OrganisationService(database: request.db, actor: request.auditActor).search(filter)
        return (result.organisations, result.total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Organisation { try await OrganisationService.find(id, on: database) }

    static func dtos(_ records: [Organisation], request: Request) async throws -> [DTO] {
        let database = request.db
        let establishments = try await OrganisationService(database: database, actor: .system).establishments(of: records.map { try $0.requireID() })
        var result: [DTO] = []
        for organisation in records {
            let id = try organisation.requireID()
            result.append(DTO(id: id, kind: organisation.kind.rawValue, name: organisation.name, kvkNumber: organisation.kvkNumber,
                              establishmentNumbers: establishments[id] ?? [], sbi: organisation.sbi, address: organisation.address,
                              postcode: organisation.postcode, municipality: organisation.municipality, website: organisation.website,
                              accountManager: organisation.$accountManager.id, tags: organisation.tagList, notes: organisation.notes,
                              originMunicipality: organisation.originMunicipality, arrivedOn: organisation.arrivedOn,
                              educationLevel: organisation.educationLevel?.rawValue, createdAt: organisation.createdAt, updatedAt: organisation.updatedAt))
        }
        return result
    }

    static func input(of record: Organisation, on database: Database) async throws -> OrganisationInput {
        OrganisationInput(record, establishments: try await OrganisationService(database: database, actor: .system).establishments(of: record.requireID()))
    }


    static func create(_ input: OrganisationInput, request: Request) async throws -> Organisation {
        let values = try input.validated(reference: try ReferenceData.shared.get(), users: try await UserDirectory.load(on: request.db))
        return try await OrganisationService(database: request.db, actor: request.auditActor).create(values)
    }

    static func update(_ record: Organisation, with input: OrganisationInput, request: Request) async throws {
        let values = try input.validated(reference: try ReferenceData.shared.get(), users: try await UserDirectory.load(on: request.db))
        try await OrganisationService(database: request.db, actor: request.auditActor).update(record, with: values)
    }

    static func delete(_ record: Organisation, request: Request) async throws {
        try await OrganisationService(database: request.db, actor: request.auditActor).delete(record)
    }

    struct RegisterDTO: Content {
        struct Year: Content { let year: Int; let establishments: Int; let jobs: Int }
        let kvkNumber: String?
        let years: [Year]
        /// The window (`2022-2025`) in which the enterprise is high-growth by the OECD rule, if it is.
        let highGrowth: String?
        let gazelle: Bool

        enum CodingKeys: String, CodingKey {
            case years, gazelle
            case kvkNumber = "kvk_number", highGrowth = "high_growth"
        }
    }

    /// `GET /api/v1/organisations/:id/register`: the organisation's history in the register.
    @Sendable static func register(_ request: Request) async throws -> RegisterDTO {
        let page = try await OrganisationPage.query(try request.id(), mayEdit: false, on: request.db)
        return RegisterDTO(kvkNumber: page.input.kvkNumber,
                           years: page.history.map { RegisterDTO.Year(year: $0.year, establishments: $0.establishments, jobs: $0.jobs) },
                           highGrowth: page.highGrowth.map { "\($0.from)-\($0.to)" }, gazelle: page.highGrowth?.isGazelle ?? false)
    }

    struct MergeRequest: Content { var duplicate: UUID }

    /// `POST /api/v1/organisations/:id/merge` with `{"duplicate": "<id>"}`: merges the duplicate into this one.
    @Sendable static func merge(_ request: Request) async throws -> DTO {
        let survivor = try await find(try request.id(), on: request.db)
        let duplicate = try await find(try request.content.decode(MergeRequest.self).duplicate, on: request.db)
        try await OrganisationService(database: request.db, actor: request.auditActor).merge(duplicate, into: survivor)
        return try await dtos([try await find(try survivor.requireID(), on: request.db)], request: request)[0]
    }
}

/// `/api/v1/people`: people (personal data), with their roles and current consents.
enum PeopleResource: APIResource {
    struct Role: Content {
        let organisation: UUID
        let title, from, to: String?
    }

    struct DTO: Content {
        let id: UUID
        let name: String
        let email, phone: String?
        let lawfulBasis: String
        let notes: String?
        /// Absent, like e-mail, phone and notes, for roles that may not read contact details.
        let consents: [String]?
        let roles: [Role]

        enum CodingKeys: String, CodingKey {
            case id, name, email, phone, notes, consents, roles
            case lawfulBasis = "lawful_basis"
        }
    }

    static let path = "people"
    static let noun = "person"
    static let filters: [APIParameter] = [
        .text("q", "Words in the name (and the contact details, for roles that may read them)."),
        .id("organisation", "People with a role at this organisation."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Person], total: Int) {
        var filter = PersonService.Filter()
        filter.text = request.queryText("q")
        filter.searchesContactDetails = request.may(.readContactDetails)
        filter.organisation = try request.uuid("organisation")
        (filter.page, filter.pageSize) = (page, size)
        let result = try await PersonService(database: request.db, actor: request.auditActor).search(filter)
        return (result.people, result.total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Person { try await PersonService.find(id, on: database) }

    static func dtos(_ records: [Person], request: Request) async throws -> [DTO] {
        let database = request.db
        // The same policy as the web: without the permission a person is a name with roles.
        let details = request.may(.readContactDetails)
        let ids = try records.map { try $0.requireID() }
        let consents = details ? try await PersonService(database: database, actor: .system).consents(of: ids) : [:]
        let roles = ids.isEmpty ? [:] : Dictionary(grouping: try await Affiliation.query(on: database).filter(\.$person.$id ~~ ids).all(), by: \.$person.id)
        var result: [DTO] = []
        for person in records {
            let id = try person.requireID()
            result.append(DTO(id: id, name: person.name, email: details ? person.email : nil, phone: details ? person.phone : nil,
                              lawfulBasis: person.lawfulBasis.rawValue, notes: details ? person.notes : nil,
                              consents: details ? (consents[id] ?? []).map(\.rawValue).sorted() : nil,
                              roles: (roles[id] ?? []).map { Role(organisation: $0.$organisation.id, title: $0.title, from: $0.from, to: $0.to) }))
        }
        if details, request.method == .GET, request.parameters.get("id") == nil, !records.isEmpty {
            // Contact details from a list (any page, any size): recorded, like the CSV export.
            try await Audit.record(.export, .person, id: "*", changes: [.value("api_list", old: nil, new: String(records.count))],
                                   by: request.auditActor, on: database)
        }
        return result
    }

    static func input(of record: Person, on database: Database) async throws -> PersonInput {
        PersonInput(record, consents: try await PersonService(database: database, actor: .system).consents(of: record.requireID()))
    }


    static func create(_ input: PersonInput, request: Request) async throws -> Person {
        try await PersonService(database: request.db, actor: request.auditActor).create(try input.validated())
    }

    static func update(_ record: Person, with input: PersonInput, request: Request) async throws {
        try await PersonService(database: request.db, actor: request.auditActor).update(record, with: try input.validated())
    }

    static func delete(_ record: Person, request: Request) async throws {
        try await PersonService(database: request.db, actor: request.auditActor).delete(record)
    }

    /// `GET /api/v1/people/:id/personal-data`: everything held about the person (AVG; administrators).
    @Sendable static func personalData(_ request: Request) async throws -> Privacy.Export {
        try await Privacy(database: request.db, actor: request.auditActor).export(try await find(try request.id(), on: request.db))
    }

    /// `POST /api/v1/people/:id/erase`: erases the person (AVG; administrators).
    @Sendable static func erase(_ request: Request) async throws -> HTTPStatus {
        try await Privacy(database: request.db, actor: request.auditActor).erase(try await find(try request.id(), on: request.db))
        return .noContent
    }
}

/// `/api/v1/contact-moments`.
enum ContactMomentsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let date: String
        let kind: String
        let organisations, people, accountManagers, topics: [UUID]
        let erasedPeople: Int
        let notes: String?

        enum CodingKeys: String, CodingKey {
            case id, date, kind, organisations, people, topics, notes
            case accountManagers = "account_managers", erasedPeople = "erased_people"
        }
    }

    static let path = "contact-moments"
    static let noun = "contact moment"
    static let filters: [APIParameter] = [
        .text("from", "From this day (yyyy-mm-dd)."),
        .text("to", "Up to and including this day (yyyy-mm-dd)."),
        .id("organisation", "Contact moments with this organisation."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [ContactMoment], total: Int) {
        var query = ContactMoment.query(on: request.db)
        if let from = request.queryText("from") { query = query.filter(\.$date >= from) }
        if let to = request.queryText("to") { query = query.filter(\.$date <= to) }
        if let organisation = try request.uuid("organisation") {
            let ids = try await (request.db as! any SQLDatabase).select().column("contact_moment_id").from("contact_moment_organisations")
                .where("organisation_id", .equal, organisation).all().map { try $0.decode(column: "contact_moment_id", as: UUID.self) }
            query = query.filter(\.$id ~~ ids)
        }
        let total = try await query.count()
        return (try await query.sort(\.$date, .descending).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> ContactMoment { try await ContactMomentService.find(id, on: database) }

    static func dtos(_ records: [ContactMoment], request: Request) async throws -> [DTO] {
        let database = request.db
        let allLinks = try await ContactMomentService(database: database, actor: .system).links(of: records.map { try $0.requireID() })
        var result: [DTO] = []
        for moment in records {
            let links = allLinks[try moment.requireID()] ?? [:]
            result.append(DTO(id: try moment.requireID(), date: moment.date, kind: moment.kind.rawValue, organisations: links[.organisations] ?? [],
                              people: links[.people] ?? [], accountManagers: links[.managers] ?? [], topics: links[.topics] ?? [],
                              erasedPeople: moment.erasedPeople, notes: moment.notes))
        }
        return result
    }

    static func input(of record: ContactMoment, on database: Database) async throws -> ContactMomentInput {
        let links = try await ContactMomentService(database: database, actor: .system).links(of: record.requireID())
        let list = { (link: ContactMomentService.Link) in TextList((links[link] ?? []).map(\.uuidString)) }
        return ContactMomentInput(date: record.date, kind: record.kind.rawValue, organisations: list(.organisations), people: list(.people),
                                  accountManagers: list(.managers), topics: list(.topics), notes: record.notes)
    }


    static func create(_ input: ContactMomentInput, request: Request) async throws -> ContactMoment {
        let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
        return try await ContactMomentService(database: request.db, actor: request.auditActor).create(values)
    }

    static func update(_ record: ContactMoment, with input: ContactMomentInput, request: Request) async throws {
        let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
        try await ContactMomentService(database: request.db, actor: request.auditActor).update(record, with: values)
    }

    static func delete(_ record: ContactMoment, request: Request) async throws {
        try await ContactMomentService(database: request.db, actor: request.auditActor).delete(record)
    }
}

/// `/api/v1/follow-ups`.
enum FollowUpsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let description: String
        let owner: UUID
        let dueOn: String
        let status: String
        let organisation, contactMoment: UUID?
        let doneAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, description, owner, status, organisation
            case dueOn = "due_on", contactMoment = "contact_moment", doneAt = "done_at"
        }
    }

    static let path = "follow-ups"
    static let noun = "follow-up"
    static let filters: [APIParameter] = [
        .id("owner", "The user who owns it."),
        .choice("status", "Its status.", FollowUp.Status.self),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [FollowUp], total: Int) {
        var query = FollowUp.query(on: request.db)
        if let owner = try request.uuid("owner") { query = query.filter(\.$owner.$id == owner) }
        if let status = try request.choice("status", as: FollowUp.Status.self) { query = query.filter(\.$status == status) }
        let total = try await query.count()
        return (try await query.sort(\.$dueOn).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> FollowUp { try await FollowUpService.find(id, on: database) }

    static func dtos(_ records: [FollowUp], request: Request) async throws -> [DTO] {
        return try records.map { DTO(id: try $0.requireID(), description: $0.description, owner: $0.$owner.id, dueOn: $0.dueOn, status: $0.status.rawValue,
                              organisation: $0.$organisation.id, contactMoment: $0.$contactMoment.id, doneAt: $0.doneAt) }
    }

    static func input(of record: FollowUp, on database: Database) async throws -> FollowUpInput {
        FollowUpInput(description: record.description, owner: record.$owner.id.uuidString, dueOn: record.dueOn, status: record.status.rawValue,
                      organisation: record.$organisation.id?.uuidString, contactMoment: record.$contactMoment.id?.uuidString)
    }


    static func create(_ input: FollowUpInput, request: Request) async throws -> FollowUp {
        try await FollowUpService(database: request.db, actor: request.auditActor).create(try await input.validated(users: try await UserDirectory.load(on: request.db), on: request.db))
    }

    static func update(_ record: FollowUp, with input: FollowUpInput, request: Request) async throws {
        try await FollowUpService(database: request.db, actor: request.auditActor).update(record, with: try await input.validated(users: try await UserDirectory.load(on: request.db), on: request.db))
    }

    static func delete(_ record: FollowUp, request: Request) async throws {
        try await Audit.delete(record, as: .followUp, by: request.auditActor, on: request.db)
    }
}

/// `/api/v1/questions`: questions from entrepreneurs.
enum QuestionsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let question: String
        let channel: String
        let organisation, person: UUID?
        let routedTo: String?
        let assignee: UUID?
        let status: String
        let receivedAt: Date
        let firstAnsweredAt, closedAt: Date?
        let answer: String?

        enum CodingKeys: String, CodingKey {
            case id, question, channel, organisation, person, assignee, status, answer
            case routedTo = "routed_to", receivedAt = "received_at", firstAnsweredAt = "first_answered_at", closedAt = "closed_at"
        }
    }

    static let path = "questions"
    static let noun = "question"
    static let filters: [APIParameter] = [.choice("status", "Its status.", Question.Status.self)]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Question], total: Int) {
        var query = Question.query(on: request.db)
        if let status = try request.choice("status", as: Question.Status.self) { query = query.filter(\.$status == status) }
        let total = try await query.count()
        return (try await query.sort(\.$receivedAt, .descending).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Question { try await QuestionService.find(id, on: database) }

    static func dtos(_ records: [Question], request: Request) async throws -> [DTO] {
        return try records.map { DTO(id: try $0.requireID(), question: $0.question, channel: $0.channel.rawValue, organisation: $0.$organisation.id, person: $0.$person.id,
                              routedTo: $0.routedTo, assignee: $0.$assignee.id, status: $0.status.rawValue, receivedAt: $0.receivedAt,
                              firstAnsweredAt: $0.firstAnsweredAt, closedAt: $0.closedAt, answer: $0.answer) }
    }

    static func input(_ record: Question) -> QuestionInput {
        let time = { (date: Date) -> String in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return CalendarDay(date).text + String(format: "T%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        }
        return QuestionInput(question: record.question, channel: record.channel.rawValue, organisation: record.$organisation.id?.uuidString,
                             person: record.$person.id?.uuidString, routedTo: record.routedTo, assignee: record.$assignee.id?.uuidString,
                             status: record.status.rawValue, receivedAt: time(record.receivedAt), answer: record.answer)
    }

    static func input(of record: Question, on database: Database) async throws -> QuestionInput { input(record) }


    static func create(_ input: QuestionInput, request: Request) async throws -> Question {
        try await QuestionService(database: request.db, actor: request.auditActor).create(try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db)))
    }

    static func update(_ record: Question, with input: QuestionInput, request: Request) async throws {
        try await QuestionService(database: request.db, actor: request.auditActor).update(record, with: try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db)))
    }

    static func delete(_ record: Question, request: Request) async throws {
        try await Audit.delete(record, as: .question, by: request.auditActor, on: request.db)
    }
}

/// `/api/v1/acquisitions`: the attraction pipeline. Outside its team a confidential acquisition
/// shows no company name, origin or notes, and cannot be changed.
enum AcquisitionsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let companyName: String?
        let codename: String?
        let confidential: Bool
        let originMunicipality: String?
        let cluster: String?
        let stage: String
        let expectedJobs, expectedInvestment: Int?
        let decisionOn, notes: String?
        let organisation: UUID?
        let team: [UUID]?

        enum CodingKeys: String, CodingKey {
            case id, codename, confidential, cluster, stage, notes, organisation, team
            case companyName = "company_name", originMunicipality = "origin_municipality", expectedJobs = "expected_jobs"
            case expectedInvestment = "expected_investment", decisionOn = "decision_on"
        }
    }

    static let path = "acquisitions"
    static let noun = "acquisition"
    static let filters: [APIParameter] = [.choice("stage", "Its stage in the pipeline.", Acquisition.Stage.self)]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Acquisition], total: Int) {
        var query = Acquisition.query(on: request.db)
        if let stage = try request.choice("stage", as: Acquisition.Stage.self) { query = query.filter(\.$stage == stage) }
        let total = try await query.count()
        // In the order they were added: an order by name would give hidden names away.
        return (try await query.sort(\.$createdAt).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Acquisition { try await AcquisitionService.find(id, on: database) }

    static func dtos(_ records: [Acquisition], request: Request) async throws -> [DTO] {
        let visible = try await AcquisitionService(database: request.db, actor: request.auditActor, area: request.application.config.area).visible(records, to: request.currentUser?.id)
        let byID = Dictionary(uniqueKeysWithValues: visible.map { ($0.id, $0) })
        return try records.compactMap { byID[try $0.requireID()] }.map { acquisition in
            DTO(id: acquisition.id, companyName: acquisition.companyName, codename: acquisition.codename, confidential: acquisition.isConfidential,
                originMunicipality: acquisition.originMunicipality, cluster: acquisition.cluster?.key, stage: acquisition.stage.rawValue,
                expectedJobs: acquisition.expectedJobs, expectedInvestment: acquisition.expectedInvestment, decisionOn: acquisition.decisionOn,
                notes: acquisition.notes, organisation: acquisition.organisation, team: acquisition.team)
        }
    }

    static func input(of record: Acquisition, on database: Database) async throws -> AcquisitionInput {
        AcquisitionInput(record, cluster: try await record.$cluster.get(on: database), team: try await AcquisitionService.team(of: record.requireID(), on: database))
    }


    static func create(_ input: AcquisitionInput, request: Request) async throws -> Acquisition {
        let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db), reference: try ReferenceData.shared.get(), region: request.application.config.region)
        return try await AcquisitionService(database: request.db, actor: request.auditActor, area: request.application.config.area).create(values)
    }

    static func update(_ record: Acquisition, with input: AcquisitionInput, request: Request) async throws {
        try await requireTeam(record, request)
        let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db), reference: try ReferenceData.shared.get(), region: request.application.config.region)
        try await AcquisitionService(database: request.db, actor: request.auditActor, area: request.application.config.area).update(record, with: values)
    }

    static func delete(_ record: Acquisition, request: Request) async throws {
        try await requireTeam(record, request)
        try await Audit.delete(record, as: .acquisition, by: request.auditActor, on: request.db)
    }

    private static func requireTeam(_ record: Acquisition, _ request: Request) async throws {
        guard try await AcquisitionService.mayOpen(record, user: request.currentUser?.id, on: request.db) else {
            throw Abort(.forbidden, reason: "This acquisition is confidential; only its team can change it.")
        }
    }
}
