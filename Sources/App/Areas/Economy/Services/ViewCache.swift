import Analysis
import Fluent
import Vapor

/// Figures of monitor views, computed once per generation of the data (see `generation(on:)`).
///
/// - Entries belong to the generation their request read; a compute that started before an import
///   stores its result only if no newer generation has been seen meanwhile, and a request of the
///   new generation never gets it.
/// - Requests for the same figures at the same time share one compute (an in-flight task).
/// - The register panel has a slot of its own: the bound on figure entries never evicts it.
actor ViewCache {
    private var generation = ""
    private var entries: [String: Task<any Sendable, any Error>] = [:]
    private var panelTask: (generation: String, task: Task<RegisterPanel, any Error>)?
    static let maximumEntries = 500
    /// Counts hits and misses, when given.
    private let metrics: AppMetrics?

    init(metrics: AppMetrics? = nil) {
        self.metrics = metrics
    }

    /// The cached value for `key` in generation `current`, or what `compute` gives (then kept).
    func value<Value: Sendable>(_ key: String, generation current: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if current != generation {
            generation = current
            entries = [:]
        }
        if let task = entries[key], let value = try await task.value as? Value {
            metrics?.cache("figures", hit: true)
            return value
        }
        metrics?.cache("figures", hit: false)
        let task = Task<any Sendable, any Error> { try await compute() }
        if entries.count >= Self.maximumEntries { entries = [:] }
        entries[key] = task
        do {
            guard let value = try await task.value as? Value else { throw Abort(.internalServerError) }
            // Another generation came while computing: this result must not stay for it.
            if generation != current, entries[key] == task { entries[key] = nil }
            return value
        } catch {
            if entries[key] == task { entries[key] = nil }
            throw error
        }
    }

    /// The whole register as one panel, grouped by municipality, loaded once per generation and
    /// shared by every monitor page (the figures of an area are a scan over its own rows).
    func panel(generation current: String, on database: Database) async throws -> RegisterPanel {
        if let panelTask, panelTask.generation == current {
            metrics?.cache("panel", hit: true)
            return try await panelTask.task.value
        }
        metrics?.cache("panel", hit: false)
        let task = Task<RegisterPanel, any Error> {
            let store = RegisterStore(database)
            let municipalities = try await store.municipalitiesWithRecords()
            var panel = try await store.panel(municipalities: municipalities, years: try await store.years(municipalities: municipalities))
            panel.groupByMunicipality()
            return panel
        }
        panelTask = (current, task)
        do {
            return try await task.value
        } catch {
            if panelTask?.task == task { panelTask = nil }
            throw error
        }
    }

    /// What identifies the current data: the number of import runs and the latest one, and the
    /// figures version that anything else the figures depend on moves (`Setting.figuresChanged`).
    static func generation(on database: Database) async throws -> String {
        let kinds = ImportRun.Kind.allCases.filter(\.changesRegister)
        let count = try await ImportRun.query(on: database).filter(\.$kind ~~ kinds).count()
        let latest = try await ImportRun.query(on: database).filter(\.$kind ~~ kinds).sort(\.$startedAt, .descending).first()
        let version = try await Setting.value(.figuresVersion, on: database) ?? "0"
        return "\(count)-\(latest?.id?.uuidString ?? "none")-\(latest?.finishedAt?.timeIntervalSince1970 ?? 0)-\(version)"
    }
}

extension Application {
    private struct ViewCacheKey: StorageKey { typealias Value = ViewCache }

    var viewCache: ViewCache {
        if let cache = storage[ViewCacheKey.self] { return cache }
        let cache = ViewCache(metrics: metrics)
        storage[ViewCacheKey.self] = cache
        return cache
    }
}
