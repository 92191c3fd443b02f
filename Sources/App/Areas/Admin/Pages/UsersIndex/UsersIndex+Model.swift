import Fluent
import Foundation

/// Beheer > Gebruikers: every account, its role and whether it may log in; a form for a new one.
enum UsersIndex {
    struct Row: Equatable {
        let id: UUID
        let name: String
        let email: String
        let role: Role
        let active: Bool
        var lastLogin: Date? = nil
    }

    struct Model: Equatable {
        let users: [Row]
        let viewer: Layout.Viewer
        var message: String?
    }

    static func query(on database: Database, viewer: Layout.Viewer, message: String? = nil) async throws -> Model {
        let users = try await User.query(on: database).sort(\.$name).all()
        return Model(users: try users.map { Row(id: try $0.requireID(), name: $0.name, email: $0.email, role: $0.role, active: $0.active, lastLogin: $0.lastLoginAt) },
                     viewer: viewer, message: message)
    }
}
