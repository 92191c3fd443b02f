import Fluent
import Vapor

/// Someone who may log in. E-mail and name are personal data: the audit trail refers to a user
/// by id and never copies them.
final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Lower case; unique.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: Role
    @Field(key: "active") var active: Bool
    /// bcrypt; never the password itself.
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(email: String, name: String, role: Role, passwordHash: String) {
        self.email = email.lowercased()
        self.name = name
        self.role = role
        self.active = true
        self.passwordHash = passwordHash
    }
}
