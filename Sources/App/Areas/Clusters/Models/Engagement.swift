import Fluent
import Foundation

/// That organisations took part in a cluster's work on a day: an event, a project, a seat, a
/// living lab, a joint proposal, education. Its clusters, organisations and people are link tables
/// (`engagement_clusters`, `engagement_organisations`, `engagement_people`).
final class Engagement: Model, @unchecked Sendable {
    static let schema = "engagements"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case event, projectPartner = "project_partner", seat, livingLab = "living_lab", proposal, education

        var label: String {
            switch self {
            case .event: localized("Evenement of netwerkbijeenkomst", "Event or network meeting")
            case .projectPartner: localized("Projectpartner", "Project partner")
            case .seat: localized("Zetel in bestuur of driver team", "Board or driver-team seat")
            case .livingLab: localized("Living lab, hackathon of challenge", "Living lab, hackathon or challenge")
            case .proposal: localized("Gezamenlijk voorstel of subsidieaanvraag", "Joint proposal or subsidy application")
            case .education: localized("Samenwerking met onderwijs (stages, afstuderen, lectoraat)", "Education collaboration (internships, graduation, lectorate)")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: Kind
    @OptionalField(key: "notes") var notes: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
