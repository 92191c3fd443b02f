import Fluent
import Vapor

extension Request {
    private struct SessionKey: StorageKey { typealias Value = UserSession }
    private struct NewSessionKey: StorageKey { typealias Value = String }
    private struct NewLoginTokenKey: StorageKey { typealias Value = String }
    private struct ChannelKey: StorageKey { typealias Value = AuditEvent.Channel }

    /// The logged-in user of this request (by session or API token), if any.
    var currentUser: User? { auth.get(User.self) }

    /// The browser session of this request, if it has one.
    var userSession: UserSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    /// The cookie value of a session made during this request, to be sent with the response.
    var newSessionCookie: String? {
        get { storage[NewSessionKey.self] }
        set { storage[NewSessionKey.self] = newValue }
    }

    /// The login form's CSRF token made during this request, to be sent as a cookie with the response.
    var newLoginToken: String? {
        get { storage[NewLoginTokenKey.self] }
        set { storage[NewLoginTokenKey.self] = newValue }
    }

    /// Web or API, for the audit trail.
    var channel: AuditEvent.Channel {
        get { storage[ChannelKey.self] ?? .web }
        set { storage[ChannelKey.self] = newValue }
    }

    var auditActor: Audit.Actor { Audit.Actor(userID: currentUser?.id, channel: channel) }

    /// The CSRF token for the forms on this page: the session's, or for a visitor who is not
    /// logged in (the login form) a random token in a cookie of its own, sent back with the form
    /// ("double submit"), so that no session row is stored for anonymous visitors.
    func csrfToken() async throws -> String {
        if let session = userSession { return session.csrfToken }
        if let token = cookies[SessionMiddleware.loginTokenCookie]?.string, token.count == Secret.length { return token }
        let token = Secret.make()
        newLoginToken = token
        return token
    }

    /// Starts a new session (with a new id) for `user`, ending the one this request came with:
    /// logging in always gets a fresh session id, so one planted before login is worthless.
    @discardableResult
    func startSession(for user: User?) async throws -> UserSession {
        if let old = userSession { try await old.delete(on: db) }
        let secret = Secret.make()
        let session = UserSession(tokenHash: Secret.hash(secret), userID: try user?.requireID(), csrfToken: Secret.make(), now: Date())
        try await session.create(on: db)
        userSession = session
        newSessionCookie = secret
        if let user { auth.login(user) } else { auth.logout(User.self) }
        return session
    }

    /// Ends the session of this request (logging out).
    func endSession() async throws {
        if let session = userSession { try await session.delete(on: db) }
        userSession = nil
        newSessionCookie = ""
        auth.logout(User.self)
    }

    /// Who is looking, for the page shell.
    /// The viewer of a page that needs a login (a 401 without one; the access guard sees to it first).
    func signedInViewer() async throws -> Layout.Viewer {
        guard let viewer = try await viewer() else { throw Abort(.unauthorized) }
        return viewer
    }

    func viewer() async throws -> Layout.Viewer? {
        guard let user = currentUser else { return nil }
        let area = application.config.area
        let home = (try? ReferenceData.shared.get())?.municipalities.first { $0.code == area }?.name ?? area
        return Layout.Viewer(name: user.name, role: user.role, csrfToken: try await csrfToken(), home: home, seesDemo: try await dataState().isDemo)
    }

    /// Reads a form and checks its CSRF token against the session's; refuses with 403 otherwise.
    func checkedForm<Form: Decodable>(_ type: Form.Type) throws -> Form {
        let sent = try? content.get(String.self, at: "csrf")
        guard let expected = userSession?.csrfToken ?? cookies[SessionMiddleware.loginTokenCookie]?.string, let sent, Secret.equal(sent, expected) else {
            throw Abort(.forbidden, reason: localized("Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het nog eens.", "The form has expired or is not from this site. Reload the page and try again."))
        }
        return try content.decode(Form.self)
    }
}
