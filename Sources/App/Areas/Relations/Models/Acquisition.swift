import Fluent
import Foundation

/// A company from outside the region in the attraction pipeline. With a codename it is
/// confidential: only its team sees the company's name, origin and notes.
final class Acquisition: Model, @unchecked Sendable {
    static let schema = "acquisitions"

    enum Stage: String, Codable, CaseIterable, Sendable {
        case lead, contact, proposal, decision, landed, lost

        var label: String {
            switch self {
            case .lead: localized("Lead", "Lead")
            case .contact: localized("Contact", "Contact")
            case .proposal: localized("Voorstel", "Proposal")
            case .decision: localized("Besluit", "Decision")
            case .landed: localized("Geland", "Landed")
            case .lost: localized("Verloren", "Lost")
            }
        }
    }

    /// The values of the fixed cluster list acquisitions had before clusters were data, and the
    /// keys of the clusters they became (the API still takes them).
    static let formerClusterValues = ["ict": "ict-ecommerce", "health": "health", "creative_manufacturing": "creatief-maak", "logistics": "logistiek"]

    @ID(key: .id) var id: UUID?
    @Field(key: "company_name") var companyName: String
    @OptionalField(key: "codename") var codename: String?
    @OptionalField(key: "origin_municipality_code") var originMunicipality: String?
    @OptionalParent(key: "cluster_id") var cluster: Cluster?
    @Field(key: "stage") var stage: Stage
    @OptionalField(key: "expected_jobs") var expectedJobs: Int?
    /// Euros.
    @OptionalField(key: "expected_investment") var expectedInvestment: Int?
    @OptionalField(key: "decision_on") var decisionOn: String?
    @OptionalField(key: "notes") var notes: String?
    /// The organisation in the city it became, once landed.
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
