@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Logins, roles, CSRF, throttling, tokens and the audit trail (issue 5).
struct AccessTests {
    /// Every registered route with a concrete path (parameters filled in).
    static func routes(of app: Application) -> [(method: HTTPMethod, path: String)] {
        app.routes.all.map { route in
            (route.method, "/" + route.path.map { component in
                if case .parameter = component { return UUID().uuidString }
                return component.description
            }.joined(separator: "/"))
        }
    }

    /// Whether a concrete path is that of a public route (a parameter matches any value).
    static func isPublic(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        return SiteURL.allCases.contains { url in
            url.isPublic && url.pathComponents.count == parts.count && zip(url.pathComponents, parts).allSatisfy { component, part in
                if case .parameter = component { return true }
                return component.description == part
            }
        }
    }

    @Test func everyNonPublicRouteRefusesAnonymousRequests() async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .admin) // past the first-administrator page
            let routes = Self.routes(of: app).filter { !Self.isPublic($0.path) }
            #expect(routes.count >= 7)
            for route in routes {
                try await app.testing().test(route.method, route.path) { response in
                    if route.path.hasPrefix("/api/") {
                        #expect(response.status == .unauthorized, "\(route.method) \(route.path)")
                        #expect(response.headers.contentType?.description == "application/problem+json", "\(route.path)")
                    } else {
                        #expect(response.status == .seeOther, "\(route.method) \(route.path): \(response.status)")
                        #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true, "\(route.path)")
                    }
                }
            }
        }
    }

    /// Viewers only read: every state-changing route (apart from logging in and out) says 403,
    /// even with a valid CSRF token; so do the administrators' pages.
    @Test func aViewerCannotChangeAnythingOrSeeTheAdministration() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            let (_, token) = try await Accounts(database: app.db, passwordCost: app.passwordCost, actor: .system).createToken(for: viewer.user, name: "test")
            let changing = Self.routes(of: app).filter { $0.method != .GET && ![SiteURL.login.path, SiteURL.logout.path].contains($0.path) }
            #expect(!changing.isEmpty)
            for route in changing {
                // Pages with the viewer's session, the API with the viewer's token.
                let headers: HTTPHeaders = route.path.hasPrefix("/api/") ? ["Authorization": "Bearer \(token)"] : viewer.headers
                try await app.testing().test(route.method, route.path, headers: headers, beforeRequest: { request in
                    try request.content.encode(["csrf": viewer.csrf, "email": "x@example.org", "name": "X", "role": "admin",
                                                "password": "password-long-enough"], as: .urlEncodedForm)
                }) { response in
                    #expect(response.status == .forbidden, "\(route.method) \(route.path): \(response.status)")
                }
            }
            for page in [SiteURL.users.path, SiteURL.audit.path] {
                try await app.testing().test(.GET, page, headers: viewer.headers) { #expect($0.status == .forbidden, "\(page)") }
            }
            #expect(try await User.query(on: app.db).count() == 1, "nothing was created")
        }
    }

    @Test func theRoleMatrixIsDeclaredOnce() {
        #expect(Role.allCases.allSatisfy { $0.may(.read) })
        #expect(Role.allCases.filter { $0.may(.editRelations) } == [.admin, .adviser, .accountmanager])
        #expect(Role.allCases.filter { $0.may(.editProgramme) } == [.admin, .adviser])
        #expect(Role.allCases.filter { $0.may(.manageUsers) } == [.admin])
        #expect(Role.allCases.filter { $0.may(.readAudit) } == [.admin])
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenIsRefused() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            for token in [nil, "wrong", admin.csrf] {
                try await app.testing().test(.POST, SiteURL.users.path, headers: admin.headers, beforeRequest: { request in
                    var form = ["email": "new@example.org", "name": "Nieuw", "role": "viewer", "password": "password-long-enough"]
                    form["csrf"] = token
                    try request.content.encode(form, as: .urlEncodedForm)
                }) { response in
                    #expect(response.status == (token == admin.csrf ? .seeOther : .forbidden), "token \(token ?? "none")")
                }
                let created = try await User.query(on: app.db).filter(\.$email == "new@example.org").count()
                #expect(created == (token == admin.csrf ? 1 : 0))
            }
        }
    }

    @Test func loggingInGivesANewSessionAndEndsTheOldOne() async throws {
        try await withTestApp { app in
            let user = try await app.session(as: .adviser, email: "adviser@example.org")
            let anonymous = try await app.loginForm()
            #expect(!anonymous.cookie.isEmpty && !anonymous.csrf.isEmpty)
            var newCookie = ""
            try await app.testing().test(.POST, "/login", headers: anonymous.headers, beforeRequest: { request in
                try request.content.encode(["csrf": anonymous.csrf, "email": "Adviser@example.org", "password": "password-long-enough",
                                            "next": "/beheer/audit"], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/beheer/audit")
                let cookie = response.headers.setCookie?[SessionMiddleware.cookieName]
                newCookie = cookie?.string ?? ""
                #expect(cookie?.isHTTPOnly == true && cookie?.sameSite == .lax)
            }
            #expect(!newCookie.isEmpty && newCookie != anonymous.cookie)
            #expect(try await UserSession.query(on: app.db).filter(\.$tokenHash == Secret.hash(anonymous.cookie)).count() == 0)
            try await app.testing().test(.GET, "/", headers: ["Cookie": "\(SessionMiddleware.cookieName)=\(newCookie)"]) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(user.user.name))
            }
            try await app.testing().test(.GET, "/", headers: anonymous.headers) { #expect($0.status == .seeOther) }
        }
    }

    @Test func anIdleSessionEnds() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/", headers: viewer.headers) { #expect($0.status == .ok) }
            let session = try #require(try await UserSession.query(on: app.db).filter(\.$tokenHash == Secret.hash(viewer.cookie)).first())
            session.lastSeenAt = Date().addingTimeInterval(-31 * 60)
            try await session.update(on: app.db)
            try await app.testing().test(.GET, "/", headers: viewer.headers) { #expect($0.status == .seeOther) }
        }
    }

    @Test func wrongEmailAndWrongPasswordGetTheSameAnswer() async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .viewer, email: "known@example.org")
            var bodies: [String] = []
            for (email, password) in [("known@example.org", "wrong-password-123"), ("unknown@example.org", "password-long-enough")] {
                let form = try await app.loginForm()
                try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                    try request.content.encode(["csrf": form.csrf, "email": email, "password": password], as: .urlEncodedForm)
                }) { response in
                    #expect(response.status == .unauthorized)
                    let body = response.body.string
                    #expect(body.contains(LoginController.wrongCredentials))
                    bodies.append(body.replacingOccurrences(of: form.csrf, with: "").replacingOccurrences(of: email, with: ""))
                }
            }
            #expect(bodies[0] == bodies[1])
        }
    }

    /// Five failures per account, or per client address, within the window; then 429 even for
    /// the right password.
    @Test(arguments: [true, false])
    func loginsAreThrottledAfterFiveFailures(sameAccount: Bool) async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .viewer, email: "target@example.org")
            for attempt in 0..<5 {
                let form = try await app.loginForm()
                try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                    let email = sameAccount ? "target@example.org" : "other\(attempt)@example.org"
                    try request.content.encode(["csrf": form.csrf, "email": email, "password": "not-the-password"], as: .urlEncodedForm)
                }) { #expect($0.status == .unauthorized) }
            }
            let form = try await app.loginForm()
            try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                try request.content.encode(["csrf": form.csrf, "email": "target@example.org", "password": "password-long-enough"], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.body.string.contains("Te veel mislukte pogingen"))
            }
        }
    }

    @Test func anInstanceWithoutUsersExplainsHowToCreateTheFirstAdministrator() async throws {
        try await withTestApp { app in
            for path in ["/", "/login"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.body.string.contains("vliegwiel user create"))
                }
            }
            try await app.testing().test(.GET, "/health") { #expect($0.status == .ok) }
        }
    }

    @Test func responsesCarrySecurityHeaders() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/health") { response in
                let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
        }
    }

    @Test func apiTokensAuthenticateUntilRevoked() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            let accounts = Accounts(database: app.db, passwordCost: app.passwordCost, actor: .commandLine)
            let (token, secret) = try await accounts.createToken(for: viewer.user, name: "rapportage")
            let bearer: HTTPHeaders = ["Authorization": "Bearer \(secret)"]
            try await app.testing().test(.GET, SiteURL.apiKeyFigures.path, headers: bearer) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("\"area\":\"GM0193\""))
            }
            try await app.testing().test(.GET, SiteURL.apiKeyFigures.path, headers: ["Authorization": "Bearer vw_guess"]) {
                #expect($0.status == .unauthorized)
            }
            try await accounts.revoke(token)
            try await app.testing().test(.GET, SiteURL.apiKeyFigures.path, headers: bearer) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.contentType?.description == "application/problem+json")
            }
        }
    }

    /// Passwords, session ids and tokens are stored only as hashes and never logged.
    @Test func secretsAreNeverStoredOrLoggedInClear() async throws {
        LogCapture.install
        try await withTestApp { app in
            let password = "secret-" + UUID().uuidString
            let command = UserCommand(action: "create")
            var input = CommandInput(arguments: ["user", "--email", "clear@example.org", "--name", "Clear Test", "--role", "admin"])
            let accounts = Accounts(database: app.db, passwordCost: app.passwordCost, actor: .commandLine)
            _ = try await command.perform(try UserCommand.Signature(from: &input), accounts: accounts, password: { _ in password })
            let session = try await app.loginThroughForm(email: "clear@example.org", password: password)
            let cookie = session.first(name: "Cookie")!.components(separatedBy: "=").last!
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "clear@example.org").first())
            let (_, token) = try await accounts.createToken(for: user, name: "t")
            try await app.testing().test(.GET, SiteURL.apiKeyFigures.path, headers: ["Authorization": "Bearer \(token)"]) { #expect($0.status == .ok) }

            let columns = [("users", ["email", "name", "password_hash"]), ("sessions", ["token_hash", "csrf_token"]),
                           ("api_tokens", ["name", "token_hash"]), ("audit_events", ["changes", "entity_id"]), ("login_failures", ["email"])]
            var stored: [String] = []
            for (table, names) in columns {
                for row in try await app.sql.select().columns(names.map { SQLColumn($0) }).from(table).all() {
                    stored += try names.map { try row.decode(column: $0, as: String.self) }
                }
            }
            #expect(!stored.isEmpty)
            for secret in [password, cookie, token] {
                #expect(!stored.contains { $0.contains(secret) }, "a secret is in the database")
                #expect(!LogCapture.all.contains { $0.contains(secret) }, "a secret is in the log")
            }
            #expect(stored.contains { $0.hasPrefix("$2") }, "the password is a bcrypt hash")
        }
    }

    @Test func everyKindOfChangeLeavesAnAuditRecord() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            func post(_ path: String, _ form: [String: String]) async throws {
                try await app.testing().test(.POST, path, headers: admin.headers, beforeRequest: { request in
                    try request.content.encode(form.merging(["csrf": admin.csrf]) { $1 }, as: .urlEncodedForm)
                }) { #expect($0.status == .seeOther, "\(path)") }
            }
            try await post(SiteURL.users.path, ["email": "nieuw@example.org", "name": "Nieuwe Collega", "role": "viewer", "password": "password-long-enough"])
            let created = try #require(try await User.query(on: app.db).filter(\.$email == "nieuw@example.org").first())
            try await post(SiteURL.user(try created.requireID()), ["role": "accountmanager", "active": "true"])
            let accounts = Accounts(database: app.db, passwordCost: app.passwordCost, actor: .commandLine)
            try await accounts.resetPassword(created, to: "another-password-1")
            let (token, _) = try await accounts.createToken(for: created, name: "koppeling")
            try await accounts.revoke(token)
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ImportTests.good))

            let events = try await AuditEvent.query(on: app.db).sort(\.$at).all()
            let userID = try created.requireID().uuidString
            let create = try #require(events.first { $0.action == .create && $0.entity == "users" && $0.entityID == userID })
            #expect(create.actorID == admin.user.id && create.channel == .web)
            #expect(create.changes.contains(#""role":{"new":"viewer","old":null}"#), "\(create.changes)")
            #expect(create.changes.contains(#""email":{"personal":true}"#))
            #expect(!events.contains { $0.changes.contains("nieuw@example.org") || $0.changes.contains("Nieuwe Collega") },
                    "personal data is referred to, not copied")
            #expect(events.contains { $0.action == .update && $0.entityID == userID && $0.changes.contains(#""role":{"new":"accountmanager","old":"viewer"}"#) })
            #expect(events.contains { $0.action == .update && $0.entityID == userID && $0.channel == .cli && $0.changes == #"{"password":{"personal":true}}"# })
            let tokenID = try token.requireID().uuidString
            #expect(events.contains { $0.action == .create && $0.entity == "api_tokens" && $0.entityID == tokenID })
            #expect(events.contains { $0.action == .update && $0.entity == "api_tokens" && $0.changes.contains("revoked_at") })
            #expect(events.contains { $0.action == .create && $0.entity == "import_runs" && $0.changes.contains(#""outcome":{"new":"imported""#) })

            try await app.testing().test(.GET, SiteURL.audit.path + "?entiteit=users", headers: admin.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(userID))
                #expect(!response.body.string.contains("import_runs</td>"))
            }
        }
    }

    @Test func anAdministratorCannotLockThemselvesOut() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            try await app.testing().test(.POST, SiteURL.user(try admin.user.requireID()), headers: admin.headers, beforeRequest: { request in
                try request.content.encode(["csrf": admin.csrf, "role": "viewer", "active": "true"], as: .urlEncodedForm)
            }) { #expect($0.status == .unprocessableEntity) }
            #expect(try await User.find(admin.user.id, on: app.db)?.role == .admin)
        }
    }

    @Test(arguments: [("short", "minstens 12 tekens"), ("geen-email", "geen e-mailadres")])
    func badAccountInputGetsAClearMessage(kind: String, message: String) async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            try await app.testing().test(.POST, SiteURL.users.path, headers: admin.headers, beforeRequest: { request in
                try request.content.encode(["csrf": admin.csrf, "email": kind == "short" ? "a@example.org" : "geen-email", "name": "A",
                                            "role": "viewer", "password": kind == "short" ? "kort" : "password-long-enough"], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains(message))
            }
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }
}
