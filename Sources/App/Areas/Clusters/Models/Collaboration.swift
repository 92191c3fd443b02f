import Fluent
import Foundation

/// That two organisations work together: a project partnership, R&D, supply, education or a
/// shared facility, with a strength (1-5) and the period it runs. Undirected: `first` and
/// `second` are stored in the order they were entered.
final class Collaboration: Model, @unchecked Sendable {
    static let schema = "collaborations"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case projectPartnership = "project_partnership", research = "r_and_d", supply, education, sharedFacility = "shared_facility"

        var label: String {
            switch self {
            case .projectPartnership: localized("Projectpartnerschap", "Project partnership")
            case .research: localized("Onderzoek en ontwikkeling", "R&D")
            case .supply: localized("Toelevering", "Supply")
            case .education: localized("Onderwijs", "Education")
            case .sharedFacility: localized("Gedeelde voorziening", "Shared facility")
            }
        }
    }

    /// The strength a user can give: 1 (light) to 5 (strategic).
    static let strengths = 1...5

    @ID(key: .id) var id: UUID?
    @Parent(key: "first_organisation_id") var first: Organisation
    @Parent(key: "second_organisation_id") var second: Organisation
    @Field(key: "kind") var kind: Kind
    @Field(key: "strength") var strength: Int
    @OptionalField(key: "started_on") var startedOn: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "notes") var notes: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Runs on `day`: started by then (or no start given) and not ended before it.
    func isCurrent(on day: String) -> Bool {
        (startedOn ?? "") <= day && (endedOn.map { $0 >= day } ?? true)
    }
}

extension QueryBuilder where Model == Collaboration {
    /// The collaborations that run on `day` (as `Collaboration.isCurrent`).
    func running(on day: String) -> Self {
        group(.or) { $0.filter(\.$startedOn == nil).filter(\.$startedOn <= day) }
            .group(.or) { $0.filter(\.$endedOn == nil).filter(\.$endedOn >= day) }
    }
}
