@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The users page (issue 13): last login, a new password, disabling, and API tokens made and
/// revoked on the web as with `vliegwiel user`.
struct UsersPageTests {
    typealias Web = OrganisationTests

    @Test func anAdministratorSeesLastLoginsSetsPasswordsAndManagesTokens() async throws {
        try await withTestApp { app in
            let admin = try await app.session(as: .admin)
            let anna = try await Accounts(database: app.db, passwordCost: app.passwordCost, actor: .system)
                .create(email: "anna@example.org", name: "Anna de Vries", role: .accountmanager, password: "eerste-wachtwoord-1")
            let id = try anna.requireID()
            var page = try await Web.get("/beheer/gebruikers/\(id)", as: admin, in: app).body.string
            #expect(page.contains("<h1>Anna de Vries</h1>") && page.contains("nog nooit"))
            let index = try await Web.get("/beheer/gebruikers", as: admin, in: app).body.string
            #expect(index.contains(#"<a href="/beheer/gebruikers/\#(id)">Anna de Vries</a>"#))

            // Logging in is remembered.
            _ = try await app.loginThroughForm(email: "anna@example.org", password: "eerste-wachtwoord-1")
            #expect(try await User.find(id, on: app.db)?.lastLoginAt != nil)
            page = try await Web.get("/beheer/gebruikers/\(id)", as: admin, in: app).body.string
            #expect(!page.contains("nog nooit"))

            // A new password: too short is refused, a good one works (and the old one no longer).
            let short = try await Web.post("/beheer/gebruikers/\(id)/wachtwoord", ["password": "kort"], as: admin, in: app)
            #expect(short.status == .unprocessableEntity && short.body.string.contains("minstens 12 tekens"))
            let reset = try await Web.post("/beheer/gebruikers/\(id)/wachtwoord", ["password": "tweede-wachtwoord-2"], as: admin, in: app)
            #expect(reset.status == .seeOther)
            _ = try await app.loginThroughForm(email: "anna@example.org", password: "tweede-wachtwoord-2")

            // A token: shown once on the page, works in the API, then revoked on the page.
            let made = try await Web.post("/beheer/gebruikers/\(id)/tokens", ["name": "Power BI", "days": "30"], as: admin, in: app)
            #expect(made.status == .ok)
            let secret = try #require(made.body.string.firstMatch(of: #/vw_[A-Za-z0-9_-]+/#).map { String($0.0) })
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: secret)
            try await app.testing().test(.GET, "/api/v1/organisations", headers: headers) { #expect($0.status == .ok) }
            let token = try #require(try await APIToken.query(on: app.db).filter(\.$user.$id == id).first())
            #expect(token.name == "Power BI" && token.expiresAt != nil)
            let shown = try await Web.get("/beheer/gebruikers/\(id)", as: admin, in: app).body.string
            #expect(shown.contains("Power BI") && shown.contains("actief") && !shown.contains(secret), "the secret is shown only once")
            let revoked = try await Web.post("/beheer/tokens/\(try token.requireID())/intrekken", [:], as: admin, in: app)
            #expect(revoked.status == .seeOther)
            try await app.testing().test(.GET, "/api/v1/organisations", headers: headers) { #expect($0.status == .unauthorized) }
            let badDays = try await Web.post("/beheer/gebruikers/\(id)/tokens", ["name": "X", "days": "99999"], as: admin, in: app)
            #expect(badDays.status == .unprocessableEntity && badDays.body.string.contains("1 tot en met 3650"))

            // Only administrators.
            let manager = try await app.session(as: .accountmanager, email: "am@example.org")
            let refused = try await Web.get("/beheer/gebruikers/\(id)", as: manager, in: app)
            #expect(refused.status == .forbidden)
        }
    }
}
