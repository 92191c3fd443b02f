import Fluent
import Foundation
import Vapor

/// Follow-ups (and the driver team's actions, which are follow-ups of a meeting): planning them,
/// marking them done, and one's own open ones with the overdue first.
struct FollowUpService {
    let database: Database
    let actor: Audit.Actor

    @discardableResult
    func create(_ values: FollowUpInput.Values) async throws -> FollowUp {
        let followUp = FollowUp()
        try await save(followUp, values, isNew: true)
        return followUp
    }

    func update(_ followUp: FollowUp, with values: FollowUpInput.Values) async throws {
        try await save(followUp, values, isNew: false)
    }

    private func save(_ followUp: FollowUp, _ values: FollowUpInput.Values, isNew: Bool) async throws {
        let old = isNew ? nil : (owner: followUp.$owner.id.uuidString, due: followUp.dueOn, status: followUp.status.rawValue)
        let descriptionChanged = isNew || followUp.description != values.description
        followUp.description = values.description
        followUp.$owner.id = values.owner
        followUp.dueOn = values.dueOn
        if values.status == .done, isNew || followUp.status != .done { followUp.doneAt = Date() }
        if values.status != .done { followUp.doneAt = nil }
        followUp.status = values.status
        followUp.$organisation.id = values.organisation
        followUp.$contactMoment.id = values.contactMoment
        try await followUp.save(on: database)
        var changes: [Audit.Change] = [.value("owner", old: old?.owner, new: values.owner.uuidString), .value("due_on", old: old?.due, new: values.dueOn),
                                       .value("status", old: old?.status, new: values.status.rawValue)]
        if descriptionChanged { changes.append(.personal("description")) }
        try await Audit.record(isNew ? .create : .update, .followUp, id: try followUp.requireID().uuidString, changes: changes, by: actor, on: database)
    }

    func setStatus(_ followUp: FollowUp, _ status: FollowUp.Status) async throws {
        var values = FollowUpInput.Values(description: followUp.description, owner: followUp.$owner.id, dueOn: followUp.dueOn, status: status,
                                          organisation: followUp.$organisation.id, contactMoment: followUp.$contactMoment.id)
        values.status = status
        try await update(followUp, with: values)
    }

    /// A follow-up moved to another day, or handed to someone else.
    func replan(_ followUp: FollowUp, dueOn: String, owner: UUID) async throws {
        let values = FollowUpInput.Values(description: followUp.description, owner: owner, dueOn: dueOn, status: followUp.status,
                                          organisation: followUp.$organisation.id, contactMoment: followUp.$contactMoment.id)
        try await update(followUp, with: values)
    }

    /// A user's open follow-ups: the overdue ones first (oldest first), then by due date.
    func open(of owner: UUID) async throws -> [FollowUp] {
        let open = try await FollowUp.query(on: database).filter(\.$owner.$id == owner).filter(\.$status == .open).with(\.$organisation).with(\.$meeting).all()
        return open.sorted { ($0.dueOn, $0.description) < ($1.dueOn, $1.description) }
    }

    static func find(_ id: UUID?, on database: Database) async throws -> FollowUp {
        try await FollowUp.find(id, on: database, missing: localized("Deze vervolgactie bestaat niet (meer).", "This follow-up does not exist (any more)."))
    }
}
