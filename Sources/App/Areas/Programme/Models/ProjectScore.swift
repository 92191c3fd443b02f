import Fluent
import Foundation

/// One assessor's score of one project on one criterion, with the reason. The assessor is a
/// user (an adviser scoring in person) or a person of the register (a driver-team member whose
/// scores an adviser enters); exactly one of the two.
final class ProjectScore: Model, @unchecked Sendable {
    static let schema = "project_scores"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    /// A `Criterion` raw value.
    @Field(key: "criterion") var criterion: String
    @OptionalParent(key: "assessor_user_id") var assessorUser: User?
    @OptionalParent(key: "assessor_person_id") var assessorPerson: Person?
    /// On the scale `Criterion.scale`.
    @Field(key: "score") var score: Int
    @Field(key: "rationale") var rationale: String
    @Field(key: "scored_on") var scoredOn: String

    init() {}
}
