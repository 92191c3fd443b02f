@testable import App
import Foundation
import SQLKit
import Vapor
import VaporTesting

/// Runs `body` with an application on a fresh, migrated database: in-memory SQLite, or, when
/// `TEST_DATABASE_URL` is set, a PostgreSQL schema of its own that is dropped afterwards.
/// The application is shut down even when the body throws. (Named apart from VaporTesting's
/// `withApp`, which configures nothing and which Swift would pick for some closures.)
func withTestApp(area: String = "GM0193", _ body: (Application) async throws -> Void) async throws {
    // An event loop of its own: a test that reads a large register from PostgreSQL (the demo's
    // million rows) keeps its loop busy for minutes, and must not starve the other tests' connections.
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let app = try await Application.make(.testing, .shared(group))
    let database: AppConfig.Database
    if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
        database = .postgres(url: url, schema: "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))
    } else {
        database = .sqliteInMemory
    }
    var failure: (any Error)?
    do {
        var security = AppConfig.Security()
        security.passwordCost = 4 // bcrypt's minimum: the tests hash many passwords
        // Long enough that a loaded CI machine cannot let the back-off pass between two requests.
        security.firstBackoff = .seconds(300)
        try await configure(app, config: AppConfig(database: database, area: area, security: security))
        try await app.autoMigrate()
        try await body(app)
    } catch {
        failure = error
    }
    if case .postgres(_, let schema?) = database {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
    try await group.shutdownGracefully()
    if let failure { throw failure }
}

/// Writes `text` to a temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "register.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vliegwiel-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

extension Application {
    var sql: any SQLDatabase { db as! any SQLDatabase }

    func count(_ table: String) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

/// A logged-in browser: the session cookie and the CSRF token its forms carry.
struct TestSession {
    let user: User
    let cookie: String
    let csrf: String

    var headers: HTTPHeaders { ["Cookie": "\(SessionMiddleware.cookieName)=\(cookie)"] }
}

extension Application {
    /// Creates an account with the role (password `password` + "-long-enough") and a session for it.
    func session(as role: Role, email: String? = nil) async throws -> TestSession {
        let accounts = Accounts(database: db, passwordCost: passwordCost, actor: .system)
        let user = try await accounts.create(email: email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.org",
                                             name: "Test \(role.label)", role: role, password: "password-long-enough")
        let secret = Secret.make(), csrf = Secret.make()
        try await UserSession(tokenHash: Secret.hash(secret), userID: try user.requireID(), csrfToken: csrf, now: Date()).create(on: db)
        return TestSession(user: user, cookie: secret, csrf: csrf)
    }
}
