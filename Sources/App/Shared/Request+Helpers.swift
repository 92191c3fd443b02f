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
