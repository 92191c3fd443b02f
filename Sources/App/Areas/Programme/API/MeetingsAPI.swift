import Fluent
import Foundation
import Vapor

/// `/api/v1/meetings`: the driver team's meetings (filters `from`, `to`, `project`) with their
/// attendees, agenda, decisions and actions; read, create, replace, change, delete.
enum MeetingsResource: APIResource {
    struct DTO: Content {
        struct Item: Content { let title: String; let project: UUID?; let goal: String?; let cluster: String?; let organisation: UUID? }
        struct DecisionDTO: Content {
            let id: UUID; let date: String; let decision: String; let decidedBy: String; let reasoning: String?; let project: UUID?
            enum CodingKeys: String, CodingKey { case id, date, decision, reasoning, project, decidedBy = "decided_by" }
        }
        struct ActionDTO: Content {
            let id: UUID; let description: String; let owner: UUID; let dueOn: String; let status: String; let project: UUID?
            enum CodingKeys: String, CodingKey { case id, description, owner, status, project, dueOn = "due_on" }
        }
        let id: UUID
        let date: String
        let title: String
        let location: String?
        let minutes: String?
        let attendees: [UUID]
        let agenda: [Item]
        let decisions: [DecisionDTO]
        let actions: [ActionDTO]
    }

    static let path = "meetings"
    static let noun = "meeting"
    static let filters: [APIParameter] = [
        .day("from", "From this day."),
        .day("to", "Up to and including this day."),
        .id("project", "Meetings that decided on or discussed this project."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Meeting], total: Int) {
        var query = Meeting.query(on: request.db)
        if let from = try request.day("from") { query = query.filter(\.$date >= from.text) }
        if let to = try request.day("to") { query = query.filter(\.$date <= to.text) }
        if let project = try request.uuid("project") {
            let meetings = Set(try await Decision.query(on: request.db).filter(\.$project.$id == project).all().compactMap(\.$meeting.id)
                + (try await AgendaItem.query(on: request.db).filter(\.$project.$id == project).all().map(\.$meeting.id)))
            query = query.filter(\.$id ~~ Array(meetings))
        }
        let total = try await query.count()
        return (try await query.sort(\.$date, .descending).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Meeting { try await MeetingService.find(id, on: database) }

    static func dtos(_ records: [Meeting], request: Request) async throws -> [DTO] {
        let service = MeetingService(database: request.db, actor: .system)
        var result: [DTO] = []
        for meeting in records {
            let details = try await service.details(of: meeting)
            result.append(DTO(id: details.id, date: details.date, title: details.title, location: details.location, minutes: details.minutes,
                              attendees: details.attendees.map(\.id),
                              agenda: details.agenda.map { DTO.Item(title: $0.title, project: $0.project, goal: $0.goalKey, cluster: $0.clusterKey, organisation: $0.organisation) },
                              decisions: details.decisions.map { DTO.DecisionDTO(id: $0.id, date: $0.date, decision: $0.decision, decidedBy: $0.decidedBy,
                                                                                 reasoning: $0.reasoning, project: $0.project?.id) },
                              actions: details.actions.map { DTO.ActionDTO(id: $0.id, description: $0.description, owner: $0.owner.id, dueOn: $0.dueOn,
                                                                           status: $0.status.rawValue, project: $0.project?.id) }))
        }
        return result
    }

    /// Without the agenda, decisions and actions: a PATCH that leaves them out keeps them.
    static func input(of record: Meeting, on database: Database) async throws -> MeetingInput {
        let details = try await MeetingService(database: database, actor: .system).details(of: record)
        return MeetingInput(date: record.date, title: record.title, location: record.location, minutes: record.minutes, attendees: TextList(details.attendees.map(\.id.uuidString)))
    }

    private static func validated(_ input: MeetingInput, request: Request) async throws -> MeetingInput.Values {
        try await input.validated(known: try await MeetingService.known(on: request.db), users: try await UserDirectory.load(on: request.db), on: request.db)
    }

    static func create(_ input: MeetingInput, request: Request) async throws -> Meeting {
        try await MeetingService(database: request.db, actor: request.auditActor).save(try await validated(input, request: request))
    }

    static func update(_ record: Meeting, with input: MeetingInput, request: Request) async throws {
        try await MeetingService(database: request.db, actor: request.auditActor).save(try await validated(input, request: request), to: record)
    }

    static func delete(_ record: Meeting, request: Request) async throws {
        try await MeetingService(database: request.db, actor: request.auditActor).delete(record)
    }
}
