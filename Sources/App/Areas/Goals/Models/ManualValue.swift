import Fluent
import Foundation

/// A value of a manual indicator: what no data in Vliegwiel measures (a survey's outcome, a
/// partner's count), entered with the day it holds for and its source. A series is known by its
/// key; the indicator `manual` with `series=<key>` gives its latest value up to a day.
final class ManualValue: Model, @unchecked Sendable {
    static let schema = "manual_values"

    @ID(key: .id) var id: UUID?
    /// The series' key: `tevredenheid-ondernemers`.
    @Field(key: "series") var series: String
    /// The series' name, as the latest value gave it.
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    @Field(key: "date") var date: String
    @Field(key: "value") var value: Double
    @Field(key: "source") var source: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
