import Fluent
import Foundation

/// Relaties > Ondernemersvragen: the handling times, the counts by status, and the questions in
/// pages, filtered by status, channel and who handles them, ordered by when they came in or status.
enum QuestionsIndex {
    enum Column: String, CaseIterable, Sendable, Hashable {
        case received = "ontvangen"
        case status
    }

    struct Filter: Sendable, Hashable {
        var status: Question.Status?
        var channel: Question.Channel?
        var assignee: UUID?
        var organisation: UUID?
        var order = ListOrder<Column>(column: .received, descending: true)

        /// The filter's query parameters (without the order).
        var parameters: [(String, String?)] {
            [("status", status?.rawValue), ("kanaal", channel?.rawValue), ("behandelaar", assignee?.uuidString), ("organisatie", organisation?.uuidString)]
        }
    }

    struct Row: Sendable, Equatable {
        let id: UUID
        let question: String
        let channel: Question.Channel
        let status: Question.Status
        let receivedAt: Date
        let routedTo: String?
        let organisation: Named?
        var assignee: String? = nil
    }

    struct Model: Sendable, Equatable {
        let overview: QuestionService.Overview
        let rows: [Row]
        let filter: Filter
        let total: Int
        var users: [Named] = []
        let mayEdit: Bool
        static let pageSize = 50
    }

    static func query(_ filter: Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        var query = Question.query(on: database)
        if let status = filter.status { query = query.filter(\.$status == status) }
        if let channel = filter.channel { query = query.filter(\.$channel == channel) }
        if let assignee = filter.assignee { query = query.filter(\.$assignee.$id == assignee) }
        if let organisation = filter.organisation { query = query.filter(\.$organisation.$id == organisation) }
        let total = try await query.count()
        let direction: DatabaseQuery.Sort.Direction = filter.order.descending ? .descending : .ascending
        let sorted = filter.order.column == .status ? query.sort(\.$status, direction).sort(\.$receivedAt, .descending) : query.sort(\.$receivedAt, direction)
        let rows = try await sorted.sort(\.$id).with(\.$organisation).with(\.$assignee).page(filter.order.page, size: Model.pageSize).all().map { question in
            Row(id: try question.requireID(), question: question.question, channel: question.channel, status: question.status,
                receivedAt: question.receivedAt, routedTo: question.routedTo,
                organisation: try question.organisation.map { Named(id: try $0.requireID(), name: $0.name) }, assignee: question.assignee?.name)
        }
        let overview = try await QuestionService(database: database, actor: .system).overview()
        return Model(overview: overview, rows: rows, filter: filter, total: total,
                     users: try await UserDirectory.load(on: database).users.map { Named(id: $0.id, name: $0.name) }, mayEdit: mayEdit)
    }
}
