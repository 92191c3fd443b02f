import Fluent
import Foundation

/// A project of the execution programme: who leads it, whom it serves (clusters, goals), what it
/// costs and who pays, and where it stands. Its partners, clusters and goals are link tables
/// (`project_partners`, `project_clusters`, `project_goals`); its phases, milestones, decisions and
/// scores are records of their own.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    enum Phase: String, Codable, CaseIterable, Sendable {
        case idea, assessment, decision, running, done, stopped

        var label: String {
            switch self {
            case .idea: localized("Idee", "Idea")
            case .assessment: localized("Beoordeling", "Assessment")
            case .decision: localized("Besluitvorming", "Decision")
            case .running: localized("In uitvoering", "Running")
            case .done: localized("Afgerond", "Done")
            case .stopped: localized("Gestopt", "Stopped")
            }
        }

        /// A project still to be chosen or not: the ranking and the budget selection weigh it.
        var isCandidate: Bool { self == .idea || self == .assessment || self == .decision }
        /// A project the programme already carries: the budget selection counts it in.
        var isCommitted: Bool { self == .running }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "description") var description: String?
    @OptionalParent(key: "lead_organisation_id") var leadOrganisation: Organisation?
    /// The trekker: the person who makes it happen.
    @OptionalParent(key: "lead_person_id") var leadPerson: Person?
    @OptionalParent(key: "place_id") var place: Place?
    /// Euros.
    @OptionalField(key: "budget_total") var budgetTotal: Double?
    /// The municipality's share of the budget, in euros: what the budget selection counts.
    @OptionalField(key: "budget_municipal") var budgetMunicipal: Double?
    @OptionalField(key: "funding_sources") var fundingSources: String?
    @Field(key: "phase") var phase: Phase
    /// The day the project entered its phase.
    @Field(key: "phase_since") var phaseSince: String
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    /// The budget selection must take it, whatever its score.
    @Field(key: "must_include") var mustInclude: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A phase a project entered, and when: the project's history of phases.
final class ProjectPhase: Model, @unchecked Sendable {
    static let schema = "project_phases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "phase") var phase: Project.Phase
    @Field(key: "since") var since: String

    init() {}

    init(project: UUID, phase: Project.Phase, since: String) {
        (self.$project.id, self.phase, self.since) = (project, phase, since)
    }
}

/// Something a project is to deliver by a day, and whether (when) it did.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "project_milestones"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "what") var what: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "done_on") var doneOn: String?

    init() {}
}

/// A decision about a project, or taken in a driver-team meeting (then it is in the meeting's
/// minutes and, when it names a project, in that project's decision log).
final class Decision: Model, @unchecked Sendable {
    static let schema = "decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "date") var date: String
    @Field(key: "decision") var decision: String
    /// Who decided (the driver team, the college, a name), as written.
    @Field(key: "decided_by") var decidedBy: String
    @OptionalField(key: "reasoning") var reasoning: String?
    @OptionalParent(key: "project_id") var project: Project?
    @OptionalParent(key: "meeting_id") var meeting: Meeting?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
