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
    /// than the query itself. With `recent`, a row read less than a second ago is used again
    /// (see `RecentReads`); the models are made anew for each request.
    static func session(hash: String, on database: any Database, recent: RecentSessions? = nil) async throws -> UserSession? {
        let read = { try await (database as! any SQLDatabase).raw("""
            SELECT s.id AS s_id, s.token_hash AS s_token_hash, s.user_id AS s_user_id, s.csrf_token AS s_csrf_token,
                   s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, u.*
            FROM sessions s LEFT JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: hash)
            """).first() }
        let found: (any SQLRow)?
        if let recent { found = try await recent.row(hash: hash, read: read) } else { found = try await read() }
        guard let row = found else { return nil }
        let session = try PrefixedRow(row: row, prefix: "s_").decode(fluentModel: UserSession.self)
        session.$user.value = .some(try row.decodeNil(column: "id") ? nil : row.decode(fluentModel: User.self))
        return session
    }
}

/// The columns of a row whose names start with `prefix`, under their names without it: to decode
/// one model of a join whose columns were given a prefix.
private struct PrefixedRow: SQLRow {
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
