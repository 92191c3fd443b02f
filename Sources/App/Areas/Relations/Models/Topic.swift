import Fluent
import Foundation

/// A topic of contact moments (space and housing, staff, ...), from an editable list.
final class Topic: Model, @unchecked Sendable {
    static let schema = "topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String

    init() {}

    init(name: String) {
        self.name = name
    }
}
