import Fluent
import Foundation

/// The form to log a contact moment (or change one), with an optional follow-up.
enum ContactMomentForm {
    struct Model: Sendable {
        let id: UUID?
        let input: ContactMomentInput
        let problems: [FieldProblem]
        let organisations: [(value: String, label: String)]
        let people: [(value: String, label: String)]
        let users: [(value: String, label: String)]
        let topics: [(value: String, label: String)]
        /// The follow-ups already planned with this contact moment (when editing one).
        var followUps: [OrganisationPage.FollowUpRow] = []
    }

    static func query(id: UUID?, input: ContactMomentInput, problems: [FieldProblem], on database: Database) async throws -> Model {
        let organisations = try await Organisation.query(on: database).sort(\.$name).field(\.$id).field(\.$name).all()
        // The people of the organisations already chosen come first, with their organisation.
        let chosen = (input.organisations?.items ?? []).compactMap(UUID.init(uuidString:))
        let roles = chosen.isEmpty ? [] : try await Affiliation.query(on: database).filter(\.$organisation.$id ~~ chosen).with(\.$organisation).all()
        let known = Dictionary(roles.map { ($0.$person.id, $0.organisation.name) }, uniquingKeysWith: { first, _ in first })
        let people = try await Person.query(on: database).sort(\.$name).field(\.$id).field(\.$name).all()
            .sorted { (known[$0.id!] == nil ? 1 : 0) < (known[$1.id!] == nil ? 1 : 0) }
        let users = try await UserDirectory.load(on: database).users
        let topics = try await Topic.query(on: database).sort(\.$name).all()
        let planned = id == nil ? [] : try await FollowUp.query(on: database).filter(\.$contactMoment.$id == id).with(\.$owner).sort(\.$dueOn).all()
        return Model(id: id, input: input, problems: problems,
                     organisations: try organisations.map { (try $0.requireID().uuidString, $0.name) },
                     people: try people.map { (try $0.requireID().uuidString, $0.name + (known[$0.id!].map { " (\($0))" } ?? "")) },
                     users: users.map { ($0.id.uuidString, $0.name) },
                     topics: try topics.map { (try $0.requireID().uuidString, $0.name) },
                     followUps: planned.map { OrganisationPage.FollowUpRow(description: $0.description, owner: $0.owner.name, dueOn: $0.dueOn, status: $0.status) })
    }
}
