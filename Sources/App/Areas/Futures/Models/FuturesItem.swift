import Fluent
import Foundation

/// A scenario of the future or a policy option: the two axes of the robustness test. Both have a
/// name, a description and the drivers or assumptions behind them; a scenario also says what would
/// tell that it is unfolding (in words; its signposts watch the data).
final class FuturesItem: Model, @unchecked Sendable {
    static let schema = "futures_items"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case scenario, option

        var label: String {
            switch self {
            case .scenario: localized("Scenario", "Scenario")
            case .option: localized("Beleidsoptie", "Policy option")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    /// In URLs and the API: `digital-delta`.
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    /// Drivers (scenario) or what the option entails (option), one per line.
    @OptionalField(key: "assumptions") var assumptions: String?
    /// For a scenario: what would show that it is unfolding.
    @OptionalField(key: "signs") var signs: String?
    /// Order on the pages and in the matrix.
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One assessor's score of a policy option in a scenario, with the reason. The assessor is a user
/// or a person of the register (a driver-team member whose score an adviser enters).
final class RobustnessScore: Model, @unchecked Sendable {
    static let schema = "robustness_scores"

    @ID(key: .id) var id: UUID?
    @Parent(key: "option_id") var option: FuturesItem
    @Parent(key: "scenario_id") var scenario: FuturesItem
    @OptionalParent(key: "assessor_user_id") var assessorUser: User?
    @OptionalParent(key: "assessor_person_id") var assessorPerson: Person?
    /// On `RobustnessMatrix.scale`.
    @Field(key: "score") var score: Int
    @Field(key: "rationale") var rationale: String
    @Field(key: "scored_on") var scoredOn: String

    init() {}
}
