import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The configuration this application was set up with, set by `configure` (its home
    /// municipality and region are read by pages and commands).
    var config: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig(database: .sqliteInMemory) }
        set { storage[ConfigKey.self] = newValue }
    }
}
