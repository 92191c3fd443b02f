import Fluent
import Foundation

/// A cluster of the strategy (ICT & E-commerce, Health, ...): which SBI codes it covers, and
/// which organisations are added to it or excluded from it by hand (`cluster_members`).
final class Cluster: Model, @unchecked Sendable {
    static let schema = "clusters"

    @ID(key: .id) var id: UUID?
    /// In URLs and the API: `ict-ecommerce`.
    @Field(key: "key") var key: String
    @Field(key: "name_nl") var nameNL: String
    @Field(key: "name_en") var nameEN: String
    /// A growth cluster of the strategy (the goal of 15 actively involved organisations applies).
    @Field(key: "growth_cluster") var isGrowthCluster: Bool
    /// SBI prefixes separated by spaces: section letters or 2-5 digits, dotted as CBS writes them.
    @Field(key: "sbi_prefixes") var sbiPrefixes: String
    /// Archived on this day: kept with its engagements, out of the lists and the showcase.
    @OptionalField(key: "archived_on") var archivedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// The strategy's promise: at least this many companies or education institutions actively
    /// involved per growth cluster.
    static let involvementGoal = 15

    init() {}

    init(key: String, nameNL: String, nameEN: String, isGrowthCluster: Bool, sbiPrefixes: [String]) {
        (self.key, self.nameNL, self.nameEN, self.isGrowthCluster, self.sbiPrefixes) = (key, nameNL, nameEN, isGrowthCluster, sbiPrefixes.joined(separator: " "))
    }

    var prefixes: [String] { sbiPrefixes.split(separator: " ").map(String.init) }
    var name: String { localized(nameNL, nameEN) }
}
