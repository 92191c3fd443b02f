import Fluent
import Foundation

/// A visit, call, meeting, event or e-mail with organisations and people. Who and what it
/// involved is kept in link tables (see `ContactMomentService`).
final class ContactMoment: Model, @unchecked Sendable {
    static let schema = "contact_moments"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case visit, call, meeting, event, email

        var label: String {
            switch self {
            case .visit: localized("Bedrijfsbezoek", "Visit")
            case .call: localized("Telefoongesprek", "Call")
            case .meeting: localized("Overleg", "Meeting")
            case .event: localized("Bijeenkomst", "Event")
            case .email: localized("E-mail", "E-mail")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    /// `2025-03-14`.
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: Kind
    @OptionalField(key: "notes") var notes: String?
    /// How many people who took part were erased under the AVG.
    @Field(key: "erased_people") var erasedPeople: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
