import Vapor

/// The route groups every area registers its routes on: web pages behind the session (each
/// route with the permission it needs) and the JSON API behind a bearer token.
struct AreaRoutes {
    let config: AppConfig
    /// Web pages: the setup page until there is a user, then the session.
    let pages: any RoutesBuilder
    /// The JSON API: bearer token and `API-Version` (paths start with `api/v1`).
    let api: any RoutesBuilder

    init(app: Application, config: AppConfig) {
        self.config = config
        // One writer queue for pages and API alike (SQLite only).
        // After the session or token is known: only a logged-in user's writes queue (see SQLiteWriterMiddleware).
        let writers: [any ChainedMiddleware] = config.database.isSQLite ? [SQLiteWriterMiddleware()] : []
        pages = app.grouped(MiddlewareChain([DataChangeMiddleware(), SetupMiddleware(), SessionMiddleware(security: config.security)] + writers + [SignpostMiddleware()]))
        api = app.grouped(MiddlewareChain([DataChangeMiddleware(), APIVersionMiddleware(), BearerAuthenticator()] + writers + [SignpostMiddleware()]))
    }

    /// Pages for users whose role has `permission`.
    func pages(_ permission: Permission) -> any RoutesBuilder {
        pages.grouped(AccessGuard(permission: permission))
    }

    /// API routes for tokens whose user's role has `permission`.
    func api(_ permission: Permission) -> any RoutesBuilder {
        api.grouped(AccessGuard(permission: permission))
    }
}
