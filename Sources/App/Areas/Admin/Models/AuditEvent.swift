import Fluent
import Foundation

/// One recorded change: who (by user id, or the command line), when, which entity, and which
/// fields changed from what to what. Only ever added to. Personal-data fields are listed as
/// changed without their values, so erasing a person leaves nothing of them here.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    enum Action: String, Codable, CaseIterable {
        case create, update, delete, export, merge

        /// What happened, in the reader's language.
        var label: String {
            switch self {
            case .create: localized("aangemaakt", "created")
            case .update: localized("gewijzigd", "changed")
            case .delete: localized("verwijderd", "deleted")
            case .export: localized("geëxporteerd", "exported")
            case .merge: localized("samengevoegd", "merged")
            }
        }
    }

    enum Channel: String, Codable, CaseIterable {
        case web, api, cli, system

        var label: String {
            switch self {
            case .web: localized("website", "web")
            case .api: "API"
            case .cli: localized("opdrachtregel", "command line")
            case .system: localized("systeem", "system")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "channel") var channel: Channel
    @Field(key: "action") var action: Action
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: String
    /// JSON: field name -> {"old": ..., "new": ...}, or {"personal": true} for personal data.
    @Field(key: "changes") var changes: String

    init() {}

    init(at: Date, actorID: UUID?, channel: Channel, action: Action, entity: String, entityID: String, changes: String) {
        self.at = at
        self.actorID = actorID
        self.channel = channel
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.changes = changes
    }
}
