import Analysis
import Fluent
import Markup
import SQLKit
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
    /// By key: a text, or a struct (`UserScoped`, `PageKey`) whose hash costs less than writing it out.
    private var entries: [AnyHashable: Task<any Sendable, any Error>] = [:]
    private var panelTask: (generation: String, task: Task<RegisterPanel, any Error>)?
    static let maximumEntries = 500
    /// Counts hits and misses, when given.
    private let metrics: AppMetrics?

    init(metrics: AppMetrics? = nil) {
        self.metrics = metrics
    }

    /// The cached value for `key` in generation `current`, or what `compute` gives (then kept).
    func value<Value: Sendable>(_ key: some Hashable & Sendable, generation current: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let key = AnyHashable(key)
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

    /// What identifies the current data: the import runs that change the register (how many,
    /// how many finished, the latest), and the figures version that anything else the figures
    /// depend on moves (`Setting.figuresChanged`).
    static func generation(on database: Database) async throws -> String {
        try await DataState.read(on: database).generation
    }
}

/// The state of the data a page is made from, read in one query on every request (so that every
/// instance sees a change made through another, or the command line, at its next request):
/// - `generation`: the register's (see `ViewCache.generation`), for the monitor's figures;
/// - `version`: moved after every change through the web, the API or a command
///   (`Setting.dataChanged`), for what is cached of the relations, goals and programme;
/// - whether the data is the synthetic demo.
struct DataState: Sendable, Equatable {
    let generation: String
    let version: String
    let isDemo: Bool

    /// The key of a cache entry that depends on everything: the register and all other data.
    var key: String { generation + "|" + version }

    static func read(on database: Database) async throws -> DataState {
        struct Row: Decodable {
            let runs: Int
            let finished: Int
            let latest: UUID?
            let figures: String?
            let data: String?
            let dataset: String?
        }
        let kinds: [any Encodable & Sendable] = ImportRun.Kind.allCases.filter(\.changesRegister).map(\.rawValue)
        let row = try await (database as! any SQLDatabase).raw("""
            SELECT (SELECT COUNT(*) FROM import_runs WHERE kind IN (\(binds: kinds))) AS runs,
                   (SELECT COUNT(*) FROM import_runs WHERE kind IN (\(binds: kinds)) AND finished_at IS NOT NULL) AS finished,
                   (SELECT id FROM import_runs WHERE kind IN (\(binds: kinds)) ORDER BY started_at DESC LIMIT 1) AS latest,
                   (SELECT value FROM settings WHERE key = \(bind: Setting.Key.figuresVersion.rawValue)) AS figures,
                   (SELECT value FROM settings WHERE key = \(bind: Setting.Key.dataVersion.rawValue)) AS data,
                   (SELECT value FROM settings WHERE key = \(bind: Setting.Key.dataset.rawValue)) AS dataset
            """).first(decoding: Row.self)
        guard let row else { throw Abort(.internalServerError) }
        return DataState(generation: "\(row.runs)-\(row.finished)-\(row.latest?.uuidString ?? "none")-\(row.figures ?? "0")",
                         version: row.data ?? "0", isDemo: row.dataset == "demo")
    }
}

extension Request {
    private struct DataStateKey: StorageKey { typealias Value = DataState }

    /// `compute`'s value, computed once per data state (`DataState.key`) for this user, day and
    /// language under `key`, and kept in the application's `dataCache`. For what depends on more
    /// than the register (the relations lists): any change through any instance or a command
    /// moves the data version, so nothing is served from before it; entries are per user, so
    /// nothing is served to someone else (nor under their earlier role). `key` must name
    /// everything else the value depends on. As a backstop (a change made outside Vliegwiel, or a
    /// version that could not be written) an entry lives at most until the minute is over.
    func cachedPerUser<Value: Sendable>(_ key: some Hashable & Sendable, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let state = try await dataState()
        let scoped = UserScoped(user: currentUser?.id, role: currentUser?.role, day: CalendarDay.today, minute: Int(Date().timeIntervalSince1970 / 60),
                                language: Language.current, key: key)
        return try await application.dataCache.value(scoped, generation: state.key, compute: compute)
    }

    /// A page of this user's data whose model and rendered main part are kept (`cachedPerUser`),
    /// so that only the shell with the navigation is rendered for each request. A main part that
    /// holds the session's CSRF token (a form) is not kept: another session of the same user has
    /// another token.
    func cachedPage<Model: Sendable, View: SharedMainPage & Sendable>(_ key: some Hashable & Sendable, query: @escaping @Sendable () async throws -> Model,
                                                           view: @escaping @Sendable (Model) -> View) async throws -> Response {
        let token = try await viewer()?.csrfToken ?? ""
        let (model, main) = try await cachedPerUser(key) {
            let model = try await query()
            let main = view(model).main.fragment()
            return (model, token.isEmpty || !main.contains(token) ? main : nil)
        }
        let page = view(model)
        return .html(Layout.render(page.page, main: main.map(Node.fragment) ?? page.main))
    }

    /// The data state, the same for the whole request (read at most once a second, see `RecentReads`).
    func dataState() async throws -> DataState {
        if let state = storage[DataStateKey.self] { return state }
        let state = try await application.recentDataState.current(on: db)
        storage[DataStateKey.self] = state
        return state
    }
}

/// A key of `cachedPerUser`: what the value is, for whom, when and in which language.
private struct UserScoped<Key: Hashable & Sendable>: Hashable, Sendable {
    let user: UUID?
    let role: Role?
    let day: CalendarDay
    let minute: Int
    let language: Language
    let key: Key
}

/// A list page and its filter, as a cache key (`Request.cachedPage`).
struct PageKey<Filter: Hashable & Sendable>: Hashable, Sendable {
    let page: String
    let filter: Filter

    init(_ page: String, _ filter: Filter) {
        (self.page, self.filter) = (page, filter)
    }
}

extension Application {
    private struct ViewCacheKey: StorageKey { typealias Value = ViewCache }
    private struct DataCacheKey: StorageKey { typealias Value = ViewCache }

    /// What is cached per data state rather than per register generation (`Request.cachedPerUser`):
    /// a cache of its own, so that a change of the data version does not drop the register.
    var dataCache: ViewCache {
        if let cache = storage[DataCacheKey.self] { return cache }
        let cache = ViewCache(metrics: metrics)
        storage[DataCacheKey.self] = cache
        return cache
    }

    var viewCache: ViewCache {
        if let cache = storage[ViewCacheKey.self] { return cache }
        let cache = ViewCache(metrics: metrics)
        storage[ViewCacheKey.self] = cache
        return cache
    }
}
