import Fluent
import Foundation

/// Relaties > Ondernemersvragen > register or handle: the form, with the organisations and users
/// to choose from.
enum QuestionForm {
    struct Model: Sendable {
        let id: UUID?
        let input: QuestionInput
        let problems: [FieldProblem]
        let organisations: [(value: String, label: String)]
        let users: [(value: String, label: String)]
    }

    static func query(id: UUID?, input: QuestionInput, problems: [FieldProblem], on database: Database) async throws -> Model {
        let organisations = try await Organisation.query(on: database).sort(\.$name).field(\.$id).field(\.$name).all()
        return Model(id: id, input: input, problems: problems, organisations: try organisations.map { (try $0.requireID().uuidString, $0.name) },
                     users: try await UserDirectory.load(on: database).users.map { ($0.id.uuidString, $0.name) })
    }
}
