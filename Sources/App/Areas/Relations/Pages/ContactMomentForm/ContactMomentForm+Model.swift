import Fluent
import Foundation

/// The form to log a contact moment (or change one), with an optional follow-up.
enum ContactMomentForm {
    /// The form's pickers, by field name.
    static let pickers = ["organisations", "people", "account_managers", "topics"]

    struct Model: Sendable {
        let id: UUID?
        let input: ContactMomentInput
        let problems: [FieldProblem]
        let organisations: Picker.Field
        let people: Picker.Field
        let accountManagers: Picker.Field
        let topics: Picker.Field
        /// Who can own a follow-up.
        let users: [(value: String, label: String)]
        /// The follow-ups already planned with this contact moment (when editing one).
        var followUps: [OrganisationPage.FollowUpRow] = []
    }

    static func query(id: UUID?, input: ContactMomentInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        let pickers = PickerService(database: database)
        let field = { (source: Picker.Source, name: String, list: TextList?) in
            try await pickers.field(source, name, chosen: list?.items ?? [], search: search)
        }
        let planned = id == nil ? [] : try await FollowUp.query(on: database).filter(\.$contactMoment.$id == id).with(\.$owner).sort(\.$dueOn).all()
        return Model(id: id, input: input, problems: problems,
                     organisations: try await field(.organisations, "organisations", input.organisations),
                     people: try await field(.people, "people", input.people),
                     accountManagers: try await field(.users, "account_managers", input.accountManagers),
                     topics: try await field(.topics, "topics", input.topics),
                     users: try await UserDirectory.load(on: database).users.map { ($0.id.uuidString, $0.name) },
                     followUps: planned.map { OrganisationPage.FollowUpRow(description: $0.description, owner: $0.owner.name, dueOn: $0.dueOn, status: $0.status) })
    }
}
