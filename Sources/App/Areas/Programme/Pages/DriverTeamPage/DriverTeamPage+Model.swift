import Fluent
import Foundation

/// Programma > Aanjaagteam: the driver team's members by side, and its meetings, latest first.
enum DriverTeamPage {
    static let pickers = ["person"]

    struct Member: Sendable, Equatable {
        let id: UUID
        let person: Named
        let side: DriverTeamMember.Side
        let since: String
    }

    struct MeetingRow: Sendable, Equatable {
        let id: UUID
        let date: String
        let title: String
        let decisions: Int
        let openActions: Int
    }

    struct Model: Sendable {
        let members: [Member]
        let meetings: [MeetingRow]
        let mayEdit: Bool
        var person = Picker.Field()
        var side: String?
        var since: String?
        var problems: [FieldProblem] = []
    }

    static func query(mayEdit: Bool, on database: Database) async throws -> Model {
        let members = try await DriverTeamService.members(database: database).map {
            Member(id: try $0.member.requireID(), person: $0.person, side: $0.member.side, since: $0.member.since)
        }
        let meetings = try await Meeting.query(on: database).sort(\.$date, .descending).all()
        let ids = try meetings.map { try $0.requireID() }
        var decisions: [UUID: Int] = [:], open: [UUID: Int] = [:]
        for decision in try await Decision.query(on: database).filter(\.$meeting.$id ~~ ids).all() {
            if let meeting = decision.$meeting.id { decisions[meeting, default: 0] += 1 }
        }
        for action in try await FollowUp.query(on: database).filter(\.$meeting.$id ~~ ids).filter(\.$status == .open).all() {
            if let meeting = action.$meeting.id { open[meeting, default: 0] += 1 }
        }
        return Model(members: members, meetings: try meetings.map { meeting in
            let id = try meeting.requireID()
            return MeetingRow(id: id, date: meeting.date, title: meeting.title, decisions: decisions[id] ?? 0, openActions: open[id] ?? 0)
        }, mayEdit: mayEdit)
    }
}
