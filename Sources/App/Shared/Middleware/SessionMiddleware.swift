import Fluent
import FluentSQL
import SQLKit
import Vapor

/// Finds the browser session of a request by its cookie, ends it when it has been idle or open
/// too long, and logs its user in for the request. Sets the cookie when a session was started.
struct SessionMiddleware: ChainedMiddleware {
    static let cookieName = "vliegwiel_session"
    /// The login form's CSRF token for a visitor without a session.
    static let loginTokenCookie = "vliegwiel_login"
    let security: AppConfig.Security

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let secret = request.cookies[Self.cookieName]?.string, !secret.isEmpty,
           let session = try await Self.session(hash: Secret.hash(secret), on: request.db, recent: request.application.recentSessions) {
            let now = Date()
            if now.timeIntervalSince(session.lastSeenAt) > security.idleTimeout.seconds
                || now.timeIntervalSince(session.createdAt) > security.absoluteTimeout.seconds {
                try await session.delete(on: request.db)
            } else {
                request.userSession = session
                if let user = session.user, user.active { request.auth.login(user) }
                // Written at most once a minute, not on every request.
                if now.timeIntervalSince(session.lastSeenAt) > 60 {
                    session.lastSeenAt = now
                    try await session.update(on: request.db)
                }
            }
        }
        let response = try await next.respond(to: request)
        // Session cookies (no expiry: they end with the browser); Secure when configured or when
        // a proxy says the request came over HTTPS.
        let secure = security.secureCookies || request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
        if let secret = request.newSessionCookie {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: secret, expires: secret.isEmpty ? Date(timeIntervalSince1970: 0) : nil, maxAge: secret.isEmpty ? 0 : nil, path: "/",
                isSecure: secure, isHTTPOnly: true, sameSite: .lax)
            response.cookies[Self.loginTokenCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        } else if let token = request.newLoginToken {
            response.cookies[Self.loginTokenCookie] = HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}

extension SessionMiddleware {
    /// The session with this token hash and its user (a visitor's session has none), in one
    /// query written out here: this runs on every request, and Fluent's query builder costs more
    /// than the query itself. With `recent`, what was read less than a second ago is used again
    /// (see `RecentReads`); the models are made anew for each request.
    static func session(hash: String, on database: any Database, recent: RecentRows<SessionRecord>? = nil) async throws -> UserSession? {
        let read = { () async throws -> SessionRecord? in
            guard let row = try await (database as! any SQLDatabase).raw("""
                SELECT s.id AS s_id, s.token_hash AS s_token_hash, s.user_id AS s_user_id, s.csrf_token AS s_csrf_token,
                       s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, u.*
                FROM sessions s LEFT JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = \(bind: hash)
                """).first() else { return nil }
            let session = try PrefixedRow(row: row, prefix: "s_").decode(fluentModel: UserSession.self)
            return try SessionRecord(session, user: try row.decodeNil(column: "id") ? nil : row.decode(fluentModel: User.self))
        }
        let record = if let recent { try await recent.value(hash: hash, read: read) } else { try await read() }
        return record?.model
    }
}

/// A session and its user as read, kept between requests (`RecentRows`). Each request gets
/// models of its own, made by setting their fields: Fluent's decoding reflects on every property
/// of a model, which on every request cost more than the query.
struct SessionRecord: Sendable {
    let id: UUID
    let tokenHash: String
    let csrfToken: String
    let createdAt: Date
    let lastSeenAt: Date
    let user: UserRecord?

    init(_ session: UserSession, user: User?) throws {
        (id, tokenHash, csrfToken) = (try session.requireID(), session.tokenHash, session.csrfToken)
        (createdAt, lastSeenAt) = (session.createdAt, session.lastSeenAt)
        self.user = try user.map(UserRecord.init)
    }

    var model: UserSession {
        let session = UserSession()
        (session.id, session.tokenHash, session.csrfToken) = (id, tokenHash, csrfToken)
        (session.createdAt, session.lastSeenAt) = (createdAt, lastSeenAt)
        session.$user.id = user?.id
        session.$user.value = .some(user?.model)
        session.$id.exists = true
        return session
    }
}

/// A user as read, kept between requests (with a session or an API token).
struct UserRecord: Sendable {
    let id: UUID
    let email: String
    let name: String
    let role: Role
    let active: Bool
    let passwordHash: String
    let lastLoginAt: Date?
    let createdAt: Date?
    let updatedAt: Date?

    init(_ user: User) throws {
        (id, email, name, role, active) = (try user.requireID(), user.email, user.name, user.role, user.active)
        (passwordHash, lastLoginAt, createdAt, updatedAt) = (user.passwordHash, user.lastLoginAt, user.createdAt, user.updatedAt)
    }

    var model: User {
        let user = User()
        (user.id, user.email, user.name, user.role, user.active) = (id, email, name, role, active)
        (user.passwordHash, user.lastLoginAt, user.createdAt, user.updatedAt) = (passwordHash, lastLoginAt, createdAt, updatedAt)
        user.$id.exists = true
        return user
    }
}

/// The columns of a row whose names start with `prefix`, under their names without it: to decode
/// one model of a join whose columns were given a prefix.
struct PrefixedRow: SQLRow {
    let row: any SQLRow
    let prefix: String

    var allColumns: [String] { row.allColumns.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } }
    func contains(column: String) -> Bool { row.contains(column: prefix + column) }
    func decodeNil(column: String) throws -> Bool { try row.decodeNil(column: prefix + column) }
    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D { try row.decode(column: prefix + column, as: D.self) }
}

extension Duration {
    var seconds: TimeInterval { TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18 }
}
