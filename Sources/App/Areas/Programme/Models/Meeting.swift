import Fluent
import Foundation

/// A meeting of the driver team (aanjaagteam): who attended (people of the register, in
/// `meeting_attendees`), the agenda, and the minutes. Its decisions are `Decision`s and its
/// actions are follow-ups (`FollowUp.meeting`), so they appear in their owner's tasks.
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "date") var date: String
    @Field(key: "title") var title: String
    @OptionalField(key: "location") var location: String?
    /// The minutes, as written.
    @OptionalField(key: "minutes") var minutes: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A point on a meeting's agenda, about a project, a goal, a cluster or an organisation (or none).
final class AgendaItem: Model, @unchecked Sendable {
    static let schema = "agenda_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @OptionalParent(key: "project_id") var project: Project?
    @OptionalParent(key: "goal_id") var goal: Goal?
    @OptionalParent(key: "cluster_id") var cluster: Cluster?
    @OptionalParent(key: "organisation_id") var organisation: Organisation?

    init() {}
}

/// A seat in the driver team: a person of the register, for entrepreneurs, education or the
/// municipality, from a day (until a day).
final class DriverTeamMember: Model, @unchecked Sendable {
    static let schema = "driver_team_members"

    enum Side: String, Codable, CaseIterable, Sendable {
        case business, education, government

        var label: String {
            switch self {
            case .business: localized("Ondernemers", "Business")
            case .education: localized("Onderwijs", "Education")
            case .government: localized("Gemeente", "Municipality")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "side") var side: Side
    @Field(key: "since") var since: String
    @OptionalField(key: "until") var until: String?

    init() {}
}
