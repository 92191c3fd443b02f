import Fluent
import Vapor

/// Finds the browser session of a request by its cookie, ends it when it has been idle or open
/// too long, and logs its user in for the request. Sets the cookie when a session was started.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "vliegwiel_session"
    /// The login form's CSRF token for a visitor without a session.
    static let loginTokenCookie = "vliegwiel_login"
    let security: AppConfig.Security

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let secret = request.cookies[Self.cookieName]?.string, !secret.isEmpty,
           let session = try await UserSession.query(on: request.db).filter(\.$tokenHash == Secret.hash(secret)).with(\.$user).first() {
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

extension Duration {
    var seconds: TimeInterval { TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18 }
}
