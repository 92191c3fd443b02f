import Fluent
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

/// API requests authenticate with `Authorization: Bearer <token>` (see `APIToken`).
struct BearerAuthenticator: ChainedMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.channel = .api
        let now = Date()
        if let bearer = request.headers.bearerAuthorization,
           let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == Secret.hash(bearer.token)).with(\.$user).first(),
           token.isValid(at: now), token.user.active {
            request.auth.login(token.user)
            if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                token.lastUsedAt = now
                try await token.update(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}
