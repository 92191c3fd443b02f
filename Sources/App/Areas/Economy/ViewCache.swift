import Analysis
import Fluent
import Vapor

/// Figures of monitor views, computed once per import: an entry is kept until a new import run
/// (of the register, national totals, population or the demo) changes the generation.
actor ViewCache {
    private var generation = ""
    private var entries: [String: any Sendable] = [:]
    private static let maximumEntries = 500

    /// The cached value for `key`, or what `compute` gives (then kept).
    func value<Value: Sendable>(_ key: String, generation current: String, compute: @Sendable () async throws -> Value) async throws -> Value {
        if current != generation {
            generation = current
            entries = [:]
        }
        if let value = entries[key] as? Value { return value }
        let value = try await compute()
        if entries.count >= Self.maximumEntries { entries = [:] }
        entries[key] = value
        return value
    }

    /// The whole register as one panel, grouped by municipality, loaded once per generation and
    /// shared by every monitor page (the figures of an area are a scan over its own rows).
    func panel(generation current: String, on database: Database) async throws -> RegisterPanel {
        try await value("panel", generation: current) {
            let store = RegisterStore(database)
            let municipalities = try await store.municipalitiesWithRecords()
            var panel = try await store.panel(municipalities: municipalities, years: try await store.years(municipalities: municipalities))
            panel.groupByMunicipality()
            return panel
        }
    }

    /// What identifies the current data: the number of import runs and the latest one.
    static func generation(on database: Database) async throws -> String {
        let kinds = ImportRun.Kind.allCases.filter(\.changesRegister)
        let count = try await ImportRun.query(on: database).filter(\.$kind ~~ kinds).count()
        let latest = try await ImportRun.query(on: database).filter(\.$kind ~~ kinds).sort(\.$startedAt, .descending).first()
        return "\(count)-\(latest?.id?.uuidString ?? "none")-\(latest?.finishedAt?.timeIntervalSince1970 ?? 0)"
    }
}

extension Application {
    private struct ViewCacheKey: StorageKey { typealias Value = ViewCache }

    var viewCache: ViewCache {
        if let cache = storage[ViewCacheKey.self] { return cache }
        let cache = ViewCache()
        storage[ViewCacheKey.self] = cache
        return cache
    }
}
