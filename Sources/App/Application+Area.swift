import Vapor

extension Application {
    private struct AreaKey: StorageKey { typealias Value = String }

    /// The municipality this installation is for (`VLIEGWIEL_AREA`), set by `configure`.
    var area: String {
        get { storage[AreaKey.self] ?? "GM0193" }
        set { storage[AreaKey.self] = newValue }
    }
}
