import Fluent
import SQLKit
import Vapor

/// Lets a request through only for a logged-in user whose role has the permission (see
/// `Role.may`). Pages send strangers to the login page; the API answers 401 as problem+json.
/// A plain (not async) middleware: it only looks at the request, and runs within the task of the
/// route group's `MiddlewareChain` (so `localized` has the request's language).
struct AccessGuard: Middleware {
    let permission: Permission

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let user = request.currentUser else {
            if request.channel == .api {
                return request.eventLoop.makeSucceededFuture(.problem(
                    .unauthorized, title: "Login required",
                    detail: "Send an API token as 'Authorization: Bearer <token>'; make one with 'vliegwiel user token create'.",
                    requestID: request.requestID))
            }
            let next = request.method == .GET ? request.url.path + (request.url.query.map { "?" + $0 } ?? "") : "/"
            var login = URLComponents()
            login.path = SiteURL.login.path
            login.queryItems = [URLQueryItem(name: "next", value: next)]
            return request.eventLoop.makeSucceededFuture(request.redirect(to: login.string ?? SiteURL.login.path, redirectType: .normal))
        }
        guard user.role.may(permission) else {
            return request.eventLoop.makeFailedFuture(Abort(.forbidden, reason: localized(
                "Uw rol (\(user.role.label)) geeft geen toegang tot deze pagina of handeling.", "Your role (\(user.role.label)) gives no access to this page or action.")))
        }
        return next.respond(to: request)
    }
}

/// API requests authenticate with `Authorization: Bearer <token>` (see `APIToken`). The token
/// and its user come from one query, kept for at most a second like a session (`RecentRows`).
struct BearerAuthenticator: ChainedMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.channel = .api
        let now = Date()
        if let bearer = request.headers.bearerAuthorization,
           let token = try await Self.token(hash: Secret.hash(bearer.token), on: request.db, recent: request.application.recentTokens),
           token.isValid(at: now), token.user.active {
            request.auth.login(token.user.model)
            if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                // Written at most once a minute; through the model, so that the kept token is read again.
                if let stored = try await APIToken.find(token.id, on: request.db) {
                    stored.lastUsedAt = now
                    try await stored.update(on: request.db)
                }
            }
        }
        return try await next.respond(to: request)
    }

    static func token(hash: String, on database: any Database, recent: RecentRows<TokenRecord>) async throws -> TokenRecord? {
        try await recent.value(hash: hash) {
            guard let row = try await (database as! any SQLDatabase).raw("""
                SELECT t.id AS t_id, t.user_id AS t_user_id, t.name AS t_name, t.token_hash AS t_token_hash, t.created_at AS t_created_at,
                       t.revoked_at AS t_revoked_at, t.expires_at AS t_expires_at, t.last_used_at AS t_last_used_at, u.*
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = \(bind: hash)
                """).first() else { return nil }
            let token = try PrefixedRow(row: row, prefix: "t_").decode(fluentModel: APIToken.self)
            return TokenRecord(id: try token.requireID(), revokedAt: token.revokedAt, expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt,
                               user: try UserRecord(row.decode(fluentModel: User.self)))
        }
    }
}

/// An API token with its user as read, kept between requests (`RecentRows`).
struct TokenRecord: Sendable {
    let id: UUID
    let revokedAt: Date?
    let expiresAt: Date?
    let lastUsedAt: Date?
    let user: UserRecord

    func isValid(at now: Date) -> Bool {
        APIToken.isValid(revokedAt: revokedAt, expiresAt: expiresAt, at: now)
    }
}
