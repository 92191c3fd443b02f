import Fluent
import Foundation

/// A question from an entrepreneur (ondernemersvraag): where it came in, where it was routed,
/// and when it was first answered and closed.
final class Question: Model, @unchecked Sendable {
    static let schema = "questions"

    enum Channel: String, Codable, CaseIterable, Sendable {
        case phone, email, website, visit, event, other

        var label: String {
            switch self {
            case .phone: localized("Telefoon", "Phone")
            case .email: localized("E-mail", "E-mail")
            case .website: localized("Website", "Website")
            case .visit: localized("Bezoek", "Visit")
            case .event: localized("Bijeenkomst", "Event")
            case .other: localized("Anders", "Other")
            }
        }
    }

    enum Status: String, Codable, CaseIterable, Sendable {
        case new, inProgress = "in_progress", answered, closed

        var label: String {
            switch self {
            case .new: localized("Nieuw", "New")
            case .inProgress: localized("In behandeling", "In progress")
            case .answered: localized("Beantwoord", "Answered")
            case .closed: localized("Afgesloten", "Closed")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "question") var question: String
    @Field(key: "channel") var channel: Channel
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @OptionalParent(key: "person_id") var person: Person?
    /// A department or person outside Vliegwiel it was passed to.
    @OptionalField(key: "routed_to") var routedTo: String?
    @OptionalParent(key: "assignee_id") var assignee: User?
    @Field(key: "status") var status: Status
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "first_answered_at") var firstAnsweredAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "answer") var answer: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
