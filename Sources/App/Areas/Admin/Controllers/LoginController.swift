import Fluent
import Vapor

/// Logging in and out. Wrong e-mail and wrong password get the same answer. After too many
/// failures for an account or from an address, each next attempt must wait longer (a back-off,
/// not a lock: the right password gets in once the wait has passed).
struct LoginController {
    let security: AppConfig.Security
    /// Verified against when the e-mail is unknown, so that both cases take as long.
    let unknownUserHash: String
    static var wrongCredentials: String { localized("Het e-mailadres of het wachtwoord klopt niet.", "The e-mail address or the password is wrong.") }

    init(security: AppConfig.Security) throws {
        self.security = security
        unknownUserHash = try Bcrypt.hash(Secret.make(), cost: security.passwordCost)
    }

    struct Form: Decodable {
        var email: String
        var password: String
        var next: String?
    }

    func show(_ request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: SiteURL.home.path) }
        let next = Self.localPath(request.queryText("next"))
        return Response.html(Login.View(model: .init(next: next, csrfToken: try await request.csrfToken())).render())
    }

    func login(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(Form.self)
        let email = form.email.trimmingCharacters(in: .whitespaces).lowercased()
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let now = Date()
        // The attempt is recorded before the password is checked, so that parallel attempts see
        // each other and cannot all pass the limit at once.
        let attempt = LoginFailure(email: email, address: address, at: now)
        try await attempt.create(on: request.db)
        let others = try await LoginFailure.query(on: request.db)
            .filter(\.$at > now.addingTimeInterval(-security.failureWindow.seconds)).filter(\.$id != attempt.requireID())
            .group(.or) { $0.filter(\.$email == email).filter(\.$address == address) }.all()
        let wait = max(security.wait(after: others.filter { $0.email == email }.map(\.at), cap: security.accountBackoffCap.seconds, now: now),
                       security.wait(after: others.filter { $0.address == address }.map(\.at), cap: security.failureWindow.seconds, now: now))
        if wait > 0 {
            // A refused attempt is not counted, so that hammering does not make the wait longer.
            try await attempt.delete(on: request.db)
            let seconds = Int(wait.rounded(.up))
            let response = try await page(request, form: form, status: .tooManyRequests, message: localized(
                "Te veel mislukte pogingen. Probeer het over \(seconds) seconden opnieuw.", "Too many failed attempts. Try again in \(seconds) seconds."))
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        let user = try await User.query(on: request.db).filter(\.$email == email).first()
        let matches = try await request.password.async.verify(form.password, created: user?.passwordHash ?? unknownUserHash)
        guard let user, matches, user.active else {
            return try await page(request, form: form, status: .unauthorized, message: Self.wrongCredentials)
        }
        try await LoginFailure.query(on: request.db).filter(\.$email == email).delete()
        try await attempt.delete(on: request.db)
        user.lastLoginAt = now
        try await user.update(on: request.db)
        try await UserSession.query(on: request.db).filter(\.$lastSeenAt < Date().addingTimeInterval(-security.absoluteTimeout.seconds)).delete()
        try await request.startSession(for: user)
        return request.redirect(to: Self.localPath(form.next))
    }

    func logout(_ request: Request) async throws -> Response {
        _ = try request.checkedForm([String: String].self)
        try await request.endSession()
        return request.redirect(to: SiteURL.login.path)
    }

    private func page(_ request: Request, form: Form, status: HTTPResponseStatus, message: String) async throws -> Response {
        let model = Login.Model(email: form.email, next: Self.localPath(form.next), csrfToken: try await request.csrfToken(), message: message)
        return Response.html(Login.View(model: model).render(), status: status)
    }

    /// Only a path on this site, so the login cannot send anyone elsewhere: it starts with one `/`,
    /// and holds no backslash, space or control character (browsers drop tabs and newlines from a
    /// URL, so `/\t/evil.example` would become `//evil.example`; CR and LF would end the header).
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.utf8.count <= 2048,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" && !$0.properties.isWhitespace }),
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        else { return SiteURL.home.path }
        return text
    }
}
