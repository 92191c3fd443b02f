import Fluent
import Foundation

/// A fact about this installation, by key.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    enum Key: String {
        /// "demo" while the data is the generated synthetic demo.
        case dataset
        /// Months without a contact moment before an important enterprise is on the watchlist (12).
        case watchlistMonths = "watchlist_months"
        /// Years without activity before a person is listed for privacy review (AVG; 3).
        case reviewAfterYears = "review_after_years"
        /// Moved by every change the monitor's figures depend on other than an import run (a
        /// restore, cluster definitions): part of `ViewCache.generation`.
        case figuresVersion = "figures_version"
        /// Moved after every change through the web, the API or a command (`dataChanged`): part
        /// of the key of what is cached of the relations, goals and programme (`DataState`).
        case dataVersion = "data_version"
        /// Months an engagement keeps an organisation actively involved in a cluster (12).
        case engagementMonths = "engagement_months"
        /// The kinds of engagement that count for active involvement, comma-separated (all).
        case engagementKinds = "engagement_kinds"
        /// The weights of the programme's criteria, `impact=0.2;...` (equal when absent), and why.
        case programmeWeights = "programme_weights"
        case programmeWeightsReason = "programme_weights_reason"
        /// The robustness test's Hurwicz optimism weight (0.5) and satisficing threshold (6).
        case futuresOptimism = "futures_optimism"
        case futuresThreshold = "futures_threshold"
    }

    /// Tells the figure caches of every app instance that their figures are out of date.
    static func figuresChanged(on database: Database) async throws {
        try await set(.figuresVersion, UUID().uuidString, on: database)
    }

    /// Tells the caches of every app instance that data other than the register changed.
    static func dataChanged(on database: Database) async throws {
        try await set(.dataVersion, UUID().uuidString, on: database)
    }

    /// A whole-number setting, or its default.
    static func number(_ key: Key, default value: Int, on database: Database) async throws -> Int {
        try await Self.value(key, on: database).flatMap(Int.init) ?? value
    }

    static func set(_ key: Key, _ value: String, on database: Database) async throws {
        if let setting = try await Setting.find(key.rawValue, on: database) {
            setting.value = value
            try await setting.save(on: database)
        } else {
            try await Setting(key, value).create(on: database)
        }
    }

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(_ key: Key, _ value: String) {
        self.id = key.rawValue
        self.value = value
    }

    static func value(_ key: Key, on database: Database) async throws -> String? {
        try await Setting.find(key.rawValue, on: database)?.value
    }

    static func isDemo(on database: Database) async throws -> Bool {
        try await value(.dataset, on: database) == "demo"
    }
}
