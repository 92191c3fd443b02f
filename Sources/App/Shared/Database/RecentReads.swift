import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What every request reads first (the data state, the session), kept for at most a second, so
/// that a page that is served from the caches needs no query at all. A change made in this
/// process is seen at once: the models it is read from (`ImportRun`, `Setting`; `UserSession`,
/// `User`) tell `RecentReads` when they are written (`RecentReadsWatch`). A change made by
/// another instance or a command is seen within a second.
enum RecentReads {
    static let maximumAge: Duration = .seconds(1)

    /// Moved by every write, in this process, of what the data state is read from.
    static let dataEpoch = NIOLockedValueBox(0)
    /// Moved by every write of a session, an API token or a user.
    static let sessionEpoch = NIOLockedValueBox(0)

    /// After a change has been committed: nothing read before it is used again. (The model
    /// watches move the epochs when a model is written, which inside a transaction is before the
    /// commit; a read in between could otherwise be kept.)
    static func changed() {
        dataEpoch.withLockedValue { $0 += 1 }
        sessionEpoch.withLockedValue { $0 += 1 }
    }
}

/// The data state of one application, read at most once a second (see `RecentReads`).
final class RecentDataState: Sendable {
    private let kept = NIOLockedValueBox<(state: DataState, at: ContinuousClock.Instant, epoch: Int)?>(nil)

    func current(on database: any Database) async throws -> DataState {
        let epoch = RecentReads.dataEpoch.withLockedValue { $0 }
        if let kept = kept.withLockedValue({ $0 }), kept.epoch == epoch, ContinuousClock.now - kept.at < RecentReads.maximumAge {
            return kept.state
        }
        let state = try await DataState.read(on: database)
        // Kept only if nothing changed while it was read.
        if RecentReads.dataEpoch.withLockedValue({ $0 }) == epoch { kept.withLockedValue { $0 = (state, .now, epoch) } }
        return state
    }
}

/// What a token hash stands for (a session or an API token, with its user) as read from the
/// database, kept for at most a second per hash; each request makes its own models from it.
final class RecentRows<Value: Sendable>: Sendable {
    static var maximumEntries: Int { 10_000 }
    private let values = NIOLockedValueBox<[String: (value: Value, at: ContinuousClock.Instant, epoch: Int)]>([:])

    func value(hash: String, read: () async throws -> Value?) async throws -> Value? {
        let epoch = RecentReads.sessionEpoch.withLockedValue { $0 }
        if let kept = values.withLockedValue({ $0[hash] }), kept.epoch == epoch, ContinuousClock.now - kept.at < RecentReads.maximumAge {
            return kept.value
        }
        guard let value = try await read() else { return nil }
        if RecentReads.sessionEpoch.withLockedValue({ $0 }) == epoch {
            values.withLockedValue { values in
                if values.count >= Self.maximumEntries { values = [:] }
                values[hash] = (value, .now, epoch)
            }
        }
        return value
    }
}

/// Tells `RecentReads` when a model that the data state or a session is read from is written.
struct RecentReadsWatch<M: Model>: AsyncModelMiddleware {
    let epoch: NIOLockedValueBox<Int>

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        epoch.withLockedValue { $0 += 1 }
    }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        epoch.withLockedValue { $0 += 1 }
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        epoch.withLockedValue { $0 += 1 }
    }
}

extension Application {
    private struct RecentDataStateKey: StorageKey { typealias Value = RecentDataState }
    private struct RecentSessionsKey: StorageKey { typealias Value = RecentRows<SessionRecord> }
    private struct RecentTokensKey: StorageKey { typealias Value = RecentRows<TokenRecord> }

    var recentDataState: RecentDataState {
        if let kept = storage[RecentDataStateKey.self] { return kept }
        let made = RecentDataState()
        storage[RecentDataStateKey.self] = made
        return made
    }

    var recentSessions: RecentRows<SessionRecord> {
        if let kept = storage[RecentSessionsKey.self] { return kept }
        let made = RecentRows<SessionRecord>()
        storage[RecentSessionsKey.self] = made
        return made
    }

    var recentTokens: RecentRows<TokenRecord> {
        if let kept = storage[RecentTokensKey.self] { return kept }
        let made = RecentRows<TokenRecord>()
        storage[RecentTokensKey.self] = made
        return made
    }

    /// Made once at start, before requests can race to make them, with the model watches.
    func useRecentReads() {
        _ = recentDataState
        _ = recentSessions
        _ = recentTokens
        databases.middleware.use(RecentReadsWatch<ImportRun>(epoch: RecentReads.dataEpoch))
        databases.middleware.use(RecentReadsWatch<Setting>(epoch: RecentReads.dataEpoch))
        databases.middleware.use(RecentReadsWatch<UserSession>(epoch: RecentReads.sessionEpoch))
        databases.middleware.use(RecentReadsWatch<User>(epoch: RecentReads.sessionEpoch))
        databases.middleware.use(RecentReadsWatch<APIToken>(epoch: RecentReads.sessionEpoch))
    }
}
