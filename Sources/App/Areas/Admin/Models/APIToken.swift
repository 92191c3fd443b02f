import Fluent
import Foundation

/// A bearer token for `/api/v1`, acting as its user. Shown once when made; stored as SHA-256.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// After this the token no longer works; nil for a token without expiry.
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// Written at most once a minute, like a session's last request.
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, now: Date, expiresAt: Date? = nil) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = now
        self.expiresAt = expiresAt
    }

    /// Whether the token still lets its user in at `now`.
    func isValid(at now: Date) -> Bool {
        Self.isValid(revokedAt: revokedAt, expiresAt: expiresAt, at: now)
    }

    static func isValid(revokedAt: Date?, expiresAt: Date?, at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}
