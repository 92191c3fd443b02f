import Fluent
import Vapor

/// Creating and changing accounts and API tokens, the same way from the web and the command
/// line: checked, hashed, and recorded in the audit trail.
struct Accounts {
    let database: Database
    let passwordCost: Int
    let actor: Audit.Actor

    static let minimumPasswordLength = 12

    /// A problem with what was asked, in the words shown to the user.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    func create(email: String, name: String, role: Role, password: String) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        guard Self.looksLikeEmail(email) else { throw Problem(description: "'\(email)' is geen e-mailadres.") }
        guard !name.isEmpty else { throw Problem(description: "Vul een naam in.") }
        try Self.check(password: password)
        guard try await User.query(on: database).filter(\.$email == email).first() == nil else {
            throw Problem(description: "Er is al een account met het e-mailadres \(email).")
        }
        let user = User(email: email, name: name, role: role, passwordHash: try hash(password))
        try await database.transaction { database in
            try await user.create(on: database)
            try await Audit.record(.create, .user, id: user.requireID().uuidString, changes: [
                .personal("email"), .personal("name"), .value("role", old: nil, new: role.rawValue),
                .value("active", old: nil, new: "true"), .personal("password"),
            ], by: actor, on: database)
        }
        return user
    }

    /// Changes the role and whether the account may log in; records what changed.
    func update(_ user: User, role: Role, active: Bool) async throws {
        let changes: [Audit.Change] = [
            .value("role", old: user.role.rawValue, new: role.rawValue),
            .value("active", old: String(user.active), new: String(active)),
        ]
        guard user.role != role || user.active != active else { return }
        user.role = role
        user.active = active
        try await database.transaction { database in
            try await user.update(on: database)
            if !active { try await UserSession.query(on: database).filter(\.$user.$id == user.requireID()).delete() }
            try await Audit.record(.update, .user, id: user.requireID().uuidString, changes: changes, by: actor, on: database)
        }
        RecentReads.changed()
    }

    func resetPassword(_ user: User, to password: String) async throws {
        try Self.check(password: password)
        user.passwordHash = try hash(password)
        try await database.transaction { database in
            try await user.update(on: database)
            // Everyone logged in with the old password is logged out.
            try await UserSession.query(on: database).filter(\.$user.$id == user.requireID()).delete()
            try await Audit.record(.update, .user, id: user.requireID().uuidString, changes: [.personal("password")], by: actor, on: database)
        }
        RecentReads.changed()
    }

    /// A new API token for the user; the secret is returned once and only its hash is kept.
    func createToken(for user: User, name: String, expiresAt: Date? = nil) async throws -> (token: APIToken, secret: String) {
        let secret = "vw_" + Secret.make()
        let token = APIToken(userID: try user.requireID(), name: name, tokenHash: Secret.hash(secret), now: Date(), expiresAt: expiresAt)
        try await database.transaction { database in
            try await token.create(on: database)
            try await Audit.record(.create, .apiToken, id: token.requireID().uuidString, changes: [
                .value("user_id", old: nil, new: try user.requireID().uuidString), .value("name", old: nil, new: name),
                .value("expires_at", old: nil, new: expiresAt.map { CalendarDay($0).text }),
            ], by: actor, on: database)
        }
        return (token, secret)
    }

    func revoke(_ token: APIToken) async throws {
        guard token.revokedAt == nil else { return }
        let now = Date()
        token.revokedAt = now
        try await database.transaction { database in
            try await token.update(on: database)
            try await Audit.record(.update, .apiToken, id: token.requireID().uuidString,
                                   changes: [.value("revoked_at", old: nil, new: ISO8601DateFormatter().string(from: now))], by: actor, on: database)
        }
    }

    static func check(password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw Problem(description: "Een wachtwoord heeft minstens \(minimumPasswordLength) tekens.")
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ") && text.count <= 254
    }

    private func hash(_ password: String) throws -> String {
        try Bcrypt.hash(password, cost: passwordCost)
    }
}
