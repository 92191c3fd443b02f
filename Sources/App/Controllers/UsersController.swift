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
        try await render(request, message: request.query[String.self, at: "melding"])
    }

    func create(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(NewUser.self)
        guard let role = Role(rawValue: form.role) else { throw Abort(.badRequest, reason: localized("Onbekende rol '\(form.role)'.", "Unknown role '\(form.role)'.")) }
        do {
            let user = try await accounts(request).create(email: form.email, name: form.name, role: role, password: form.password)
            return redirect(request, message: localized("\(user.name) is aangemaakt als \(role.label).", "\(user.name) has been created as \(role.label)."))
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
        return redirect(request, message: localized("De wijziging voor \(user.name) is opgeslagen.", "The change for \(user.name) has been saved."))
    }

    private func accounts(_ request: Request) -> Accounts {
        Accounts(database: request.db, passwordCost: passwordCost, actor: request.auditActor)
    }

    private func render(_ request: Request, message: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await UsersIndex.query(on: request.db, viewer: viewer, message: message)
        return Response.html(UsersIndex.View(model: model).render(), status: status)
    }

    private func redirect(_ request: Request, message: String) -> Response {
        var components = URLComponents()
        components.path = SiteURL.users.path
        components.queryItems = [URLQueryItem(name: "melding", value: message)]
        return request.redirect(to: components.string ?? SiteURL.users.path)
    }
}
