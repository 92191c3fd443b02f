import Fluent
import Foundation

/// A login attempt that did not succeed: recorded before the password is checked (and removed
/// when it turns out right, or when the attempt was refused unchecked), counted per account and
/// per client address to slow down password guessing. In the database, so that the limit holds
/// across app instances.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    /// The e-mail address as typed, lower case (it may belong to no account).
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}

    init(email: String, address: String, at: Date) {
        self.email = email
        self.address = address
        self.at = at
    }
}
