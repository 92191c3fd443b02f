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
    /// Moved by every write of a session or a user.
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

/// Sessions with their users as read from the database (the row of `SessionMiddleware.session`),
/// by token hash, for at most a second; each request decodes its own models from the row.
final class RecentSessions: Sendable {
    static let maximumEntries = 10_000
    private let rows = NIOLockedValueBox<[String: (row: any SQLRow, at: ContinuousClock.Instant, epoch: Int)]>([:])

    func row(hash: String, read: () async throws -> (any SQLRow)?) async throws -> (any SQLRow)? {
        let epoch = RecentReads.sessionEpoch.withLockedValue { $0 }
        if let kept = rows.withLockedValue({ $0[hash] }), kept.epoch == epoch, ContinuousClock.now - kept.at < RecentReads.maximumAge {
            return kept.row
        }
        guard let row = try await read() else { return nil }
        if RecentReads.sessionEpoch.withLockedValue({ $0 }) == epoch {
            rows.withLockedValue { rows in
                if rows.count >= Self.maximumEntries { rows = [:] }
                rows[hash] = (row, .now, epoch)
            }
        }
        return row
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
    private struct RecentSessionsKey: StorageKey { typealias Value = RecentSessions }

    var recentDataState: RecentDataState {
        if let kept = storage[RecentDataStateKey.self] { return kept }
        let made = RecentDataState()
        storage[RecentDataStateKey.self] = made
        return made
    }

    var recentSessions: RecentSessions {
        if let kept = storage[RecentSessionsKey.self] { return kept }
        let made = RecentSessions()
        storage[RecentSessionsKey.self] = made
        return made
    }

    /// Made once at start, before requests can race to make them, with the model watches.
    func useRecentReads() {
        _ = recentDataState
        _ = recentSessions
        databases.middleware.use(RecentReadsWatch<ImportRun>(epoch: RecentReads.dataEpoch))
        databases.middleware.use(RecentReadsWatch<Setting>(epoch: RecentReads.dataEpoch))
        databases.middleware.use(RecentReadsWatch<UserSession>(epoch: RecentReads.sessionEpoch))
        databases.middleware.use(RecentReadsWatch<User>(epoch: RecentReads.sessionEpoch))
    }
}
