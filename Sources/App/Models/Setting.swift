import Fluent

/// A fact about this installation, by key.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    enum Key: String {
        /// "demo" while the data is the generated synthetic demo.
        case dataset
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
