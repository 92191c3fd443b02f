import Fluent
import Foundation

/// An organisation in the relations register: a company, school, knowledge institute,
/// government body or intermediary. Linked to the register by KvK number and establishment numbers.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case company, education, knowledgeInstitute = "knowledge_institute", government, intermediary

        var label: String {
            switch self {
            case .company: localized("Bedrijf", "Company")
            case .education: localized("Onderwijs", "Education")
            case .knowledgeInstitute: localized("Kennisinstelling", "Knowledge institute")
            case .government: localized("Overheid", "Government")
            case .intermediary: localized("Intermediair of netwerk", "Intermediary or network")
            }
        }
    }

    /// The level of an education or knowledge institution.
    enum EducationLevel: String, Codable, CaseIterable, Sendable {
        case wo, hbo, mbo, research

        var label: String {
            switch self {
            case .wo: localized("Universiteit (wo)", "University (wo)")
            case .hbo: localized("Hogeschool (hbo)", "University of applied sciences (hbo)")
            case .mbo: localized("Mbo", "Vocational (mbo)")
            case .research: localized("Onderzoeksinstituut", "Research institute")
            }
        }

        /// A university or a university of applied sciences (the strategy's "university education").
        var isHigherEducation: Bool { self == .wo || self == .hbo }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    @Field(key: "name") var name: String
    /// Eight digits.
    @OptionalField(key: "kvk_number") var kvkNumber: String?
    /// An SBI 2008 code as written in the register (`62.01`).
    @OptionalField(key: "sbi") var sbi: String?
    @OptionalField(key: "address") var address: String?
    /// `8011AB`.
    @OptionalField(key: "postcode") var postcode: String?
    /// CBS code, `GM0193`.
    @OptionalField(key: "municipality_code") var municipality: String?
    @OptionalField(key: "website") var website: String?
    @OptionalParent(key: "account_manager_id") var accountManager: User?
    /// Lower case, separated by commas, sorted: `ict,maakindustrie`.
    @Field(key: "tags") var tags: String
    @OptionalField(key: "notes") var notes: String?
    /// For a company that came from elsewhere: where from (CBS code) and when (`2024-05-01`).
    @OptionalField(key: "origin_municipality_code") var originMunicipality: String?
    @OptionalField(key: "arrived_on") var arrivedOn: String?
    @OptionalField(key: "education_level") var educationLevel: EducationLevel?
    /// Consent to be shown in the public showcase of its clusters: since when, recorded by which
    /// user, and the short description it agreed to (nil: no consent).
    @OptionalField(key: "showcase_since") var showcaseSince: String?
    @OptionalField(key: "showcase_recorded_by") var showcaseRecordedBy: UUID?
    @OptionalField(key: "showcase_description") var showcaseDescription: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var tagList: [String] { tags.split(separator: ",").map(String.init) }
}
