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

    /// What an event is about: one enumeration, so that every subject can be filtered on the audit
    /// page. The raw values are what the trail stores (the schema's table name for accounts,
    /// tokens and import runs, as they were first recorded).
    enum Subject: String, CaseIterable, Sendable {
        case user = "users", apiToken = "api_tokens", importRun = "import_runs", setting
        case organisation, person, affiliation, topic, contactMoment = "contact_moment", followUp = "follow_up", question, acquisition
        case cluster, engagement, collaboration
        case goal, goalMeasurement = "goal_measurement", manualValue = "manual_value"
        case project, meeting, driverTeamMember = "driver_team_member"
        case scenario, policyOption = "policy_option", robustnessScore = "robustness_score", signpost, signpostAlert = "signpost_alert"
        case councilReport = "council_report"
        case place

        var label: String {
            switch self {
            case .user: localized("Gebruiker", "User")
            case .apiToken: localized("API-token", "API token")
            case .importRun: localized("Import", "Import")
            case .setting: localized("Instelling", "Setting")
            case .organisation: localized("Organisatie", "Organisation")
            case .person: localized("Persoon", "Person")
            case .affiliation: localized("Rol", "Role")
            case .topic: localized("Onderwerp", "Topic")
            case .contactMoment: localized("Contactmoment", "Contact moment")
            case .followUp: localized("Vervolgactie", "Follow-up")
            case .question: localized("Vraag", "Question")
            case .acquisition: localized("Acquisitie", "Acquisition")
            case .cluster: localized("Cluster", "Cluster")
            case .engagement: localized("Clusteractiviteit", "Cluster engagement")
            case .collaboration: localized("Samenwerking", "Collaboration")
            case .goal: localized("Doel", "Goal")
            case .goalMeasurement: localized("Vastgelegde meting", "Frozen measurement")
            case .manualValue: localized("Handmatige waarde", "Manual value")
            case .project: localized("Project", "Project")
            case .meeting: localized("Overleg aanjaagteam", "Driver-team meeting")
            case .driverTeamMember: localized("Lid aanjaagteam", "Driver-team member")
            case .scenario: localized("Scenario", "Scenario")
            case .policyOption: localized("Beleidsoptie", "Policy option")
            case .robustnessScore: localized("Score robuustheidstoets", "Robustness score")
            case .signpost: localized("Signaal", "Signpost")
            case .signpostAlert: localized("Melding van een signaal", "Signpost alert")
            case .councilReport: localized("Raadsrapport", "Council report")
            case .place: localized("Plek", "Place")
            }
        }
    }

    /// One changed field. Personal data is recorded as changed, without its values.
    enum Change: Sendable {
        case value(String, old: String?, new: String?)
        case personal(String)
    }

    static func record(
        _ action: AuditEvent.Action, _ subject: Subject, id: String, changes: [Change], by actor: Actor, on database: Database
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
        // A save that changed none of the fields it names is not an event.
        if action == .update, !changes.isEmpty, fields.isEmpty { return }
        let json = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        try await AuditEvent(at: Date(), actorID: actor.userID, channel: actor.channel, action: action, entity: subject.rawValue,
                             entityID: id, changes: String(decoding: json, as: UTF8.self)).create(on: database)
    }

    /// Deletes a record and records that, in one transaction; `changes` says what it was (its
    /// name or date), so that the trail stays readable after the record is gone.
    static func delete<Record: Model>(
        _ record: Record, as subject: Subject, changes: [Change] = [], by actor: Actor, on database: Database
    ) async throws where Record.IDValue == UUID {
        let id = try record.requireID()
        try await database.transaction { database in
            try await record.delete(on: database)
            try await Audit.record(.delete, subject, id: id.uuidString, changes: changes, by: actor, on: database)
        }
    }
}
