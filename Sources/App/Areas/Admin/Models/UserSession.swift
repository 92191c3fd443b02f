import Fluent
import Foundation

/// A browser session, kept in the database so that any app instance serves any request. The
/// cookie holds a random id; the table holds only its SHA-256, so a copy of the database does
/// not give anyone a session. A visitor who is not logged in gets one too (for the CSRF token of
/// the login form); logging in replaces it by a new one.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalParent(key: "user_id") var user: User?
    /// The token every state-changing form must send back.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, userID: UUID?, csrfToken: String, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
    }
}
