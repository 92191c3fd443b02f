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
        guard let id = request.query[UUID.self, at: "opgeslagen"], let user = try await User.find(id, on: request.db) else { return nil }
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
