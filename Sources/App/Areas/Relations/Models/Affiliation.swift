import Fluent
import Foundation

/// A person's role in an organisation, with the dates it held (`2021-03-01`; open when empty).
final class Affiliation: Model, @unchecked Sendable {
    static let schema = "affiliations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "organisation_id") var organisation: Organisation
    @OptionalField(key: "title") var title: String?
    @OptionalField(key: "from_date") var from: String?
    @OptionalField(key: "to_date") var to: String?

    init() {}

    init(person: UUID, organisation: UUID, title: String?, from: String?, to: String?) {
        self.$person.id = person
        self.$organisation.id = organisation
        self.title = title
        self.from = from
        self.to = to
    }
}
