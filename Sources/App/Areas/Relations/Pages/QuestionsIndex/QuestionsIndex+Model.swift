import Fluent
import Foundation

/// Relaties > Ondernemersvragen: the handling times, the counts by status, and the latest 200
/// questions (of one status, when chosen).
enum QuestionsIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let question: String
        let channel: Question.Channel
        let status: Question.Status
        let receivedAt: Date
        let routedTo: String?
        let organisation: String?
    }

    struct Model: Sendable, Equatable {
        let overview: QuestionService.Overview
        let rows: [Row]
        let status: Question.Status?
        let mayEdit: Bool
    }

    static func query(status: Question.Status?, mayEdit: Bool, on database: Database) async throws -> Model {
        var query = Question.query(on: database).with(\.$organisation)
        if let status { query = query.filter(\.$status == status) }
        let rows = try await query.sort(\.$receivedAt, .descending).limit(200).all().map { question in
            Row(id: try question.requireID(), question: question.question, channel: question.channel, status: question.status,
                receivedAt: question.receivedAt, routedTo: question.routedTo, organisation: question.organisation?.name)
        }
        let overview = try await QuestionService(database: database, actor: .system).overview()
        return Model(overview: overview, rows: rows, status: status, mayEdit: mayEdit)
    }
}
