import Fluent
import Vapor

/// Beheer > Gebruikers (administrators only).
struct UsersController {
    let passwordCost: Int

    struct NewUser: Decodable {
        var email: String
        var name: String
        var role: String
        var password: String
    }

    struct Change: Decodable {
        var role: String
        var active: String?
    }

    func index(_ request: Request) async throws -> Response {
        try await render(request, message: try await confirmation(request))
    }

    /// After a change the page says what was saved. The URL names only the account
    /// (`?opgeslagen=<id>`), never the words, so that no link can put a message of its own on the page.
    private func confirmation(_ request: Request) async throws -> String? {
        guard let id = request.queryText("opgeslagen").flatMap(UUID.init(uuidString:)), let user = try await User.find(id, on: request.db) else { return nil }
        let state = user.active ? "" : localized(", mag niet inloggen", ", may not log in")
        return localized("\(user.name) is opgeslagen als \(user.role.label)\(state).", "\(user.name) has been saved as \(user.role.label)\(state).")
    }

    func create(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(NewUser.self)
        guard let role = Role(rawValue: form.role) else { throw Abort(.badRequest, reason: localized("Onbekende rol '\(form.role)'.", "Unknown role '\(form.role)'.")) }
        do {
            let user = try await accounts(request).create(email: form.email, name: form.name, role: role, password: form.password)
            return try redirect(request, savedUser: user)
        } catch let problem as Accounts.Problem {
            return try await render(request, message: problem.description, status: .unprocessableEntity)
        }
    }

    func update(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(Change.self)
        guard let id = request.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: request.db) else {
            throw Abort(.notFound, reason: localized("Deze gebruiker bestaat niet (meer).", "This user does not exist (any more)."))
        }
        guard let role = Role(rawValue: form.role) else { throw Abort(.badRequest, reason: localized("Onbekende rol '\(form.role)'.", "Unknown role '\(form.role)'.")) }
        let active = form.active == "true"
        if id == request.currentUser?.id, role != .admin || !active {
            return try await render(request, message: localized("U kunt uw eigen beheerrechten niet intrekken; laat dat een andere beheerder doen.", "You cannot take away your own administrator rights; let another administrator do that."),
                                    status: .unprocessableEntity)
        }
        try await accounts(request).update(user, role: role, active: active)
        return try redirect(request, savedUser: user)
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, id: try request.id())
    }

    /// One user's page; `newSecret` is a token just made, shown this once.
    private func page(_ request: Request, id: UUID, newSecret: String? = nil, message: String? = nil,
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await UserPage.query(id, viewer: viewer, newSecret: newSecret, message: message, on: request.db)
        return Response.html(UserPage.View(model: model).render(), status: status)
    }

    private func user(_ request: Request) async throws -> User {
        guard let user = try await User.find(try request.id(), on: request.db) else {
            throw Abort(.notFound, reason: localized("Deze gebruiker bestaat niet (meer).", "This user does not exist (any more)."))
        }
        return user
    }

    /// A new password set by an administrator (the user's sessions end).
    func setPassword(_ request: Request) async throws -> Response {
        struct Form: Decodable { var password: String? }
        let user = try await user(request)
        let id = try user.requireID()
        do {
            try await accounts(request).resetPassword(user, to: try request.checkedForm(Form.self).password ?? "")
        } catch let problem as Accounts.Problem {
            return try await page(request, id: id, message: problem.description, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.user(id))
    }

    /// A new API token (`name`, and `days` it stays valid, 1-3650; empty: until revoked). The
    /// answer is the page itself, with the secret shown once: it never goes into a URL.
    func createToken(_ request: Request) async throws -> Response {
        struct Form: Decodable { var name: String?; var days: String? }
        let user = try await user(request)
        let id = try user.requireID()
        let form = try request.checkedForm(Form.self)
        var check = FieldCheck()
        let name = check.required("name", form.name, maxLength: 80)
        var days: Int?
        if let text = form.days?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            days = Int(text).flatMap { (1...3650).contains($0) ? $0 : nil }
            if days == nil { check.report("days", localized("'\(text.prefix(20))' is geen aantal dagen van 1 tot en met 3650", "'\(text.prefix(20))' is not a number of days from 1 to 3650")) }
        }
        guard check.problems.isEmpty, let name else {
            let labels = ["name": localized("Naam", "Name"), "days": localized("Geldig (dagen)", "Valid (days)")]
            let message = localized("Geen token gemaakt. ", "No token made. ") + check.problems.map { "\(labels[$0.field] ?? $0.field): \($0.reason)" }.joined(separator: "; ")
            return try await page(request, id: id, message: message, status: .unprocessableEntity)
        }
        let expiry = days.map { Date().addingTimeInterval(Double($0) * 86_400) }
        let (_, secret) = try await accounts(request).createToken(for: user, name: name, expiresAt: expiry)
        return try await page(request, id: id, newSecret: secret)
    }

    func revokeToken(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        guard let token = try await APIToken.find(try request.id(), on: request.db) else {
            throw Abort(.notFound, reason: localized("Dit token bestaat niet (meer).", "This token does not exist (any more)."))
        }
        try await accounts(request).revoke(token)
        return request.redirect(to: SiteURL.user(token.$user.id))
    }

    private func accounts(_ request: Request) -> Accounts {
        Accounts(database: request.db, passwordCost: passwordCost, actor: request.auditActor)
    }

    private func render(_ request: Request, message: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await UsersIndex.query(on: request.db, viewer: viewer, message: message)
        return Response.html(UsersIndex.View(model: model).render(), status: status)
    }

    private func redirect(_ request: Request, savedUser user: User) throws -> Response {
        request.redirect(to: SiteURL.users.with([("opgeslagen", try user.requireID().uuidString)]))
    }
}
