import Fluent
import Foundation

/// Relaties > Mijn taken: the open follow-ups of the logged-in user (driver-team actions among
/// them), overdue ones first.
enum MyTasks {
    struct Row: Sendable, Equatable {
        let id: UUID
        let description: String
        let dueOn: String
        let organisation: (id: UUID, name: String)?
        /// A driver-team meeting the task is an action of.
        var meeting: (id: UUID, title: String)? = nil

        static func == (lhs: Row, rhs: Row) -> Bool { lhs.id == rhs.id && lhs.dueOn == rhs.dueOn && lhs.description == rhs.description }
    }

    struct Model: Sendable {
        let rows: [Row]
        let today: CalendarDay
        /// To whom a follow-up can be handed.
        var users: [Named] = []
        /// Whose tasks these are.
        var owner: UUID?
    }

    static func query(user: UUID, today: CalendarDay, on database: Database) async throws -> Model {
        let open = try await FollowUpService(database: database, actor: .system).open(of: user)
        let rows = try open.map { followUp in
            Row(id: try followUp.requireID(), description: followUp.description, dueOn: followUp.dueOn,
                organisation: try followUp.organisation.map { (try $0.requireID(), $0.name) },
                meeting: try followUp.meeting.map { (try $0.requireID(), "\($0.title), \(CalendarDay($0.date).map(Format.date) ?? $0.date)") })
        }
        return Model(rows: rows, today: today, users: try await User.query(on: database).filter(\.$active == true).sort(\.$name).all()
                        .filter { $0.role.may(.editRelations) }.map { Named(id: try $0.requireID(), name: $0.name) }, owner: user)
    }
}
