import Fluent
import Foundation

/// A contact person. Everything about a person is personal data (AVG): the audit trail records
/// that a field changed, never its value, and `Privacy` can export or erase a person entirely.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    /// The lawful basis for holding the person's data (AVG article 6).
    enum LawfulBasis: String, Codable, CaseIterable, Sendable {
        case consent, contract, publicTask = "public_task", legitimateInterest = "legitimate_interest"

        var label: String {
            switch self {
            case .consent: localized("Toestemming", "Consent")
            case .contract: localized("Overeenkomst", "Contract")
            case .publicTask: localized("Publieke taak", "Public task")
            case .legitimateInterest: localized("Gerechtvaardigd belang", "Legitimate interest")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "lawful_basis") var lawfulBasis: LawfulBasis
    @OptionalField(key: "notes") var notes: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
