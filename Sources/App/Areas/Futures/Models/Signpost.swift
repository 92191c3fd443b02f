import Analysis
import Fluent
import Foundation

/// An indicator of the catalogue watched for a sign that a scenario is unfolding or an option
/// stops working: triggered when the value passes the trigger in the signpost's direction, with an
/// optional early warning before that. The latest evaluation is kept with it, so that a change of
/// status (a new trigger) can be told apart from one that has stood for a while.
final class Signpost: Model, @unchecked Sendable {
    static let schema = "signposts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// An indicator's id (`Indicator.ID`), with its parameters as `name=value;...` (as a goal's).
    @Field(key: "indicator") var indicator: String
    @Field(key: "parameters") var parameters: String
    /// The scenario or option it watches.
    @Parent(key: "item_id") var item: FuturesItem
    @Field(key: "direction") var direction: SignpostReading.Direction
    @Field(key: "trigger") var trigger: Double
    @OptionalField(key: "warning") var warning: Double?
    /// Why this signpost, and what to do when it triggers.
    @OptionalField(key: "notes") var notes: String?

    // The latest evaluation.
    @OptionalField(key: "status") var status: SignpostReading.Status?
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "as_of") var asOf: String?
    /// Change per year of the trend line through the indicator's history.
    @OptionalField(key: "slope") var slope: Double?
    /// The day the trend crosses the trigger, when it is heading there.
    @OptionalField(key: "projected_crossing") var projectedCrossing: String?
    /// Why it could not be evaluated (no data for the year, a cluster removed, ...).
    @OptionalField(key: "problem") var problem: String?
    @OptionalField(key: "evaluated_at") var evaluatedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var parameterValues: [Indicator.Parameter: String] { Goal.parameters(from: parameters) }
}

/// Raised when a signpost becomes triggered; shown until someone acknowledges it. Keeps the values
/// that caused it, also when the signpost is changed or deleted later.
final class SignpostAlert: Model, @unchecked Sendable {
    static let schema = "signpost_alerts"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "signpost_id") var signpost: Signpost?
    @Field(key: "signpost_name") var signpostName: String
    @Field(key: "raised_at") var raisedAt: Date
    @Field(key: "value") var value: Double
    @Field(key: "as_of") var asOf: String
    @Field(key: "direction") var direction: SignpostReading.Direction
    @Field(key: "trigger") var trigger: Double
    /// The sentence the pages show: what crossed what.
    @Field(key: "message") var message: String
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalParent(key: "acknowledged_by_user_id") var acknowledgedBy: User?

    init() {}
}
