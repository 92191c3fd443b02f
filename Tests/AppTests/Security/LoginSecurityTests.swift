@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, items 2, 8 and 9: the login's redirect, its throttling, its cookies, and the
/// headers of every response.
struct LoginSecurityTests {
    @Test(arguments: [
        ("/beheer/audit", "/beheer/audit"),
        ("/relaties?q=a%20b", "/relaties?q=a%20b"),
        ("//evil.example/", "/"),
        ("/\t/evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("/\r\nSet-Cookie: x=1", "/"),
        ("/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"),
        ("https://evil.example/", "/"),
        ("/ /evil", "/"),
        ("/\u{2028}x", "/"),
        (nil, "/"),
    ])
    func theLoginSendsOnlyToALocalPath(next: String?, expected: String) {
        #expect(LoginController.localPath(next) == expected)
    }

    @Test func aNextWithAHeaderInItCannotSplitTheResponse() async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .viewer, email: "v@example.org")
            let form = try await app.loginForm()
            try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                try request.content.encode(["csrf": form.csrf, "email": "v@example.org", "password": "password-long-enough",
                                            "next": "/\r\nSet-Cookie: evil=1"], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .seeOther && response.headers.first(name: .location) == "/")
                #expect(response.headers.setCookie?["evil"] == nil)
            }
        }
    }

    @Test func aHeaderWithAControlCharacterIsNeverSent() {
        #expect(SecurityHeadersMiddleware.isValidField(name: "Location", value: "/relaties?q=a\tb"))
        #expect(!SecurityHeadersMiddleware.isValidField(name: "Location", value: "/\r\nSet-Cookie: x=1"))
        #expect(!SecurityHeadersMiddleware.isValidField(name: "Location", value: "/\0"))
        #expect(!SecurityHeadersMiddleware.isValidField(name: "Bad Name", value: "x"))
    }

    /// 40 wrong passwords at once for one account: the attempts see each other, so only the first
    /// five are checked (a refused attempt leaves no row; a checked one leaves its failure).
    @Test func parallelWrongPasswordsCannotRaceTheLimit() async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .viewer, email: "target@example.org")
            let form = try await app.loginForm()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        var status = HTTPStatus.ok
                        try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                            try request.content.encode(["csrf": form.csrf, "email": "target@example.org", "password": "wrong-password-1"], as: .urlEncodedForm)
                        }) { status = $0.status }
                        return status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            let checked = statuses.filter { $0 == .unauthorized }.count
            #expect(checked <= 5, "\(checked) passwords were checked: \(statuses.map(\.code))")
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 20, "\(statuses.map(\.code))")
            // Every checked attempt stays counted as a failure; a refused one is not counted. (On a
            // loaded CI machine PostgreSQL's connection pool can time out a few of the 40 at once:
            // those may or may not have recorded their attempt, and never checked a password.)
            let failures = try await LoginFailure.query(on: app.db).count()
            #expect(failures >= checked && failures <= statuses.filter { $0 != .tooManyRequests }.count, "\(failures) failures recorded")
        }
    }

    /// After the failures the right password waits, then gets in: nobody can lock a colleague out.
    @Test func theRightPasswordGetsInAfterTheBackOff() async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .viewer, email: "target@example.org")
            for _ in 0..<5 {
                let form = try await app.loginForm()
                try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                    try request.content.encode(["csrf": form.csrf, "email": "target@example.org", "password": "wrong-password-1"], as: .urlEncodedForm)
                }) { #expect($0.status == .unauthorized) }
            }
            func attempt() async throws -> TestingHTTPResponse {
                let form = try await app.loginForm()
                var result: TestingHTTPResponse?
                try await app.testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
                    try request.content.encode(["csrf": form.csrf, "email": "target@example.org", "password": "password-long-enough"], as: .urlEncodedForm)
                }) { result = $0 }
                return result!
            }
            let refused = try await attempt()
            #expect(refused.status == .tooManyRequests && refused.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 } == true)
            // Once the first back-off has passed (the failures moved back by it), the right password works.
            for failure in try await LoginFailure.query(on: app.db).all() {
                failure.at = failure.at.addingTimeInterval(-310)
                try await failure.update(on: app.db)
            }
            #expect(try await attempt().status == .seeOther)
        }
    }

    @Test func theLoginPageStoresNoSessionAndTheSessionCookieEndsWithTheBrowser() async throws {
        try await withTestApp { app in
            _ = try await app.session(as: .viewer, email: "v@example.org")
            let before = try await UserSession.query(on: app.db).count()
            for _ in 0..<3 { _ = try await app.loginForm() }
            #expect(try await UserSession.query(on: app.db).count() == before, "an anonymous visitor gets no session row")
            let form = try await app.loginForm()
            try await app.testing().test(.POST, "/login", headers: form.headers.merging(["X-Forwarded-Proto": "https"]), beforeRequest: { request in
                try request.content.encode(["csrf": form.csrf, "email": "v@example.org", "password": "password-long-enough"], as: .urlEncodedForm)
            }) { response in
                let cookie = try #require(response.headers.setCookie?[SessionMiddleware.cookieName])
                #expect(cookie.expires == nil && cookie.maxAge == nil, "a session cookie, not a persistent one")
                #expect(cookie.isSecure && cookie.isHTTPOnly)
            }
        }
    }

    @Test func errorResponsesCarryTheSecurityHeaders() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            for (path, status) in [("/bestaat-niet", HTTPStatus.notFound), ("/beheer/gebruikers", .forbidden), ("/relaties?pagina=x", .badRequest)] {
                try await app.testing().test(.GET, path, headers: viewer.headers) { response in
                    #expect(response.status == status)
                    #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                }
            }
        }
    }

    @Test func hstsOnlyWhenServedOverHTTPS() async throws {
        #expect(try await strictTransportSecurity(secure: true) == "max-age=31536000; includeSubDomains")
        #expect(try await strictTransportSecurity(secure: false) == nil)
    }

    private func strictTransportSecurity(secure: Bool) async throws -> String? {
        let app = try await Application.make(.testing)
        var config = AppConfig(database: .sqliteInMemory, area: "GM0193", security: AppConfig.Security())
        config.security.secureCookies = secure
        var header: String?
        do {
            try await configure(app, config: config)
            try await app.autoMigrate()
            try await app.testing().test(.GET, "/health") { header = $0.headers.first(name: "Strict-Transport-Security") }
        } catch {
            Issue.record(error)
        }
        try await app.asyncShutdown()
        return header
    }
}

private extension HTTPHeaders {
    func merging(_ other: [String: String]) -> HTTPHeaders {
        var headers = self
        for (name, value) in other { headers.replaceOrAdd(name: name, value: value) }
        return headers
    }
}
