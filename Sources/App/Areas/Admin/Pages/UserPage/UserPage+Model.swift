import Fluent
import Vapor
import Foundation

/// Beheer > Gebruikers > one user: when they last logged in, a new password, and their API
/// tokens (make one, revoke one) — what `vliegwiel user` does on the command line.
enum UserPage {
    struct Token: Equatable {
        enum Status: Equatable { case active, expired, revoked }
        let id: UUID
        let name: String
        let createdAt: Date
        let expiresAt: Date?
        let lastUsedAt: Date?
        let status: Status
    }

    struct Model: Equatable {
        let id: UUID
        let name: String
        let email: String
        let role: Role
        let active: Bool
        let lastLogin: Date?
        let tokens: [Token]
        let viewer: Layout.Viewer
        /// A token just made: its secret, shown this once.
        var newSecret: String?
        var message: String?
    }

    static func query(_ id: UUID, viewer: Layout.Viewer, newSecret: String? = nil, message: String? = nil, on database: Database) async throws -> Model {
        guard let user = try await User.find(id, on: database) else {
            throw Abort(.notFound, reason: localized("Deze gebruiker bestaat niet (meer).", "This user does not exist (any more)."))
        }
        let now = Date()
        let tokens = try await APIToken.query(on: database).filter(\.$user.$id == id).sort(\.$createdAt, .descending).all().map { token in
            Token(id: try token.requireID(), name: token.name, createdAt: token.createdAt, expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt,
                  status: token.revokedAt != nil ? .revoked : token.isValid(at: now) ? .active : .expired)
        }
        return Model(id: id, name: user.name, email: user.email, role: user.role, active: user.active, lastLogin: user.lastLoginAt, tokens: tokens,
                     viewer: viewer, newSecret: newSecret, message: message)
    }
}
