import Vapor

/// A form that carries nothing but its CSRF token (a delete button).
struct CSRFOnly: Decodable {}

extension Request {
    /// The `:id` of the route as a UUID; a 404 when it is not one.
    func id() throws -> UUID {
        guard let id = parameters.get("id", as: UUID.self) else {
            throw Abort(.notFound, reason: localized("Deze pagina bestaat niet.", "This page does not exist."))
        }
        return id
    }

    /// Whether the logged-in user's role allows this.
    func may(_ permission: Permission) -> Bool {
        currentUser?.role.may(permission) ?? false
    }
}

extension Request {
    /// A form post: `save` checks the fields, writes, and says where to go next (303). When a field
    /// is refused, `form` shows the form again with the problems, as 422, and nothing is saved.
    /// When the post asks for a search in one of the form's `pickers` (`pickerSearch`), nothing is
    /// saved either: `form` shows the form again, as filled in, with what was found.
    func saving(
        pickers: [String] = [], _ save: () async throws -> String, orShow form: ([FieldProblem]) async throws -> Response
    ) async throws -> Response {
        if pickerSearch(among: pickers) != nil { return try await form([]) }
        do {
            return redirect(to: try await save())
        } catch let invalid as InvalidFields {
            let response = try await form(invalid.problems)
            response.status = .unprocessableEntity
            return response
        }
    }
}
