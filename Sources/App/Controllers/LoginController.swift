import Fluent
import Vapor

/// Logging in and out. Wrong e-mail and wrong password get the same answer; after too many
/// failures for an account or from an address, logins are refused for a while.
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
        let next = Self.localPath(request.query[String.self, at: "next"])
        return Response.html(Login.View(model: .init(next: next, csrfToken: try await request.csrfToken())).render())
    }

    func login(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(Form.self)
        let email = form.email.trimmingCharacters(in: .whitespaces).lowercased()
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let since = Date().addingTimeInterval(-security.failureWindow.seconds)
        let byAccount = try await LoginFailure.query(on: request.db).filter(\.$email == email).filter(\.$at > since).count()
        let byAddress = try await LoginFailure.query(on: request.db).filter(\.$address == address).filter(\.$at > since).count()
        let minutes = Int(security.failureWindow.seconds / 60)
        guard byAccount < security.maximumFailures, byAddress < security.maximumFailures else {
            return try await page(request, form: form, status: .tooManyRequests,
                                  message: localized("Te veel mislukte pogingen. Probeer het over \(minutes) minuten opnieuw.", "Too many failed attempts. Try again in \(minutes) minutes."))
        }
        let user = try await User.query(on: request.db).filter(\.$email == email).first()
        let matches = try await request.password.async.verify(form.password, created: user?.passwordHash ?? unknownUserHash)
        guard let user, matches, user.active else {
            try await LoginFailure(email: email, address: address, at: Date()).create(on: request.db)
            return try await page(request, form: form, status: .unauthorized, message: Self.wrongCredentials)
        }
        try await LoginFailure.query(on: request.db).filter(\.$email == email).delete()
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

    /// Only a path on this site, so the login cannot send anyone elsewhere.
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\") else { return SiteURL.home.path }
        return text
    }
}
