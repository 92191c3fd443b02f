import Fluent
import Foundation

/// Something to do after a contact moment (or about an organisation), or an action of a
/// driver-team meeting: what, who, by when.
final class FollowUp: Model, @unchecked Sendable {
    static let schema = "follow_ups"

    enum Status: String, Codable, CaseIterable, Sendable {
        case open, done, cancelled

        var label: String {
            switch self {
            case .open: localized("Open", "Open")
            case .done: localized("Gedaan", "Done")
            case .cancelled: localized("Vervallen", "Cancelled")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "description") var description: String
    @Parent(key: "owner_id") var owner: User
    /// `2025-04-01`.
    @Field(key: "due_on") var dueOn: String
    @Field(key: "status") var status: Status
    @OptionalParent(key: "contact_moment_id") var contactMoment: ContactMoment?
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    /// An action of a driver-team meeting (and the project it is about).
    @OptionalParent(key: "meeting_id") var meeting: Meeting?
    @OptionalParent(key: "project_id") var project: Project?
    @OptionalField(key: "done_at") var doneAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
