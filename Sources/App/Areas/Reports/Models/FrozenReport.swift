import Fluent
import Foundation

/// A council report as it was handed over: the HTML and PDF bytes of a reporting date, their
/// SHA-256, who froze it and when, and the goal measurements it shows. Never changed afterwards.
final class FrozenReport: Model, @unchecked Sendable {
    static let schema = "council_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "reporting_date") var reportingDate: String
    @Field(key: "area") var area: String
    @Field(key: "language") var language: String
    @Field(key: "html") var html: Data
    @Field(key: "html_sha256") var htmlSHA256: String
    /// Nil when Chromium was not installed when the report was frozen.
    @OptionalField(key: "pdf") var pdf: Data?
    @OptionalField(key: "pdf_sha256") var pdfSHA256: String?
    @OptionalField(key: "pages") var pages: Int?
    /// The ids of the frozen goal measurements the report shows, comma-separated.
    @Field(key: "goal_measurements") var goalMeasurements: String
    @Field(key: "frozen_at") var frozenAt: Date
    @OptionalParent(key: "frozen_by") var frozenBy: User?

    init() {}
}
