import Fluent
import Foundation

/// Records changes in the audit trail (`AuditEvent`). Every create, update and delete goes
/// through here, from the web, the API or a command.
enum Audit {
    /// Who made the change: a user (by id) or the command line, and through which channel.
    struct Actor: Sendable {
        var userID: UUID?
        var channel: AuditEvent.Channel

        static let commandLine = Actor(userID: nil, channel: .cli)
        static let system = Actor(userID: nil, channel: .system)
    }

    /// One changed field. Personal data is recorded as changed, without its values.
    enum Change: Sendable {
        case value(String, old: String?, new: String?)
        case personal(String)
    }

    static func record(
        _ action: AuditEvent.Action, _ entity: String, id: String, changes: [Change], by actor: Actor, on database: Database
    ) async throws {
        var fields: [String: Any] = [:]
        for change in changes {
            switch change {
            case let .value(field, old, new):
                guard old != new else { continue }
                fields[field] = ["old": old as Any? ?? NSNull(), "new": new as Any? ?? NSNull()]
            case .personal(let field):
                fields[field] = ["personal": true]
            }
        }
        let json = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        try await AuditEvent(at: Date(), actorID: actor.userID, channel: actor.channel, action: action, entity: entity,
                             entityID: id, changes: String(decoding: json, as: UTF8.self)).create(on: database)
    }
}
