import Vapor
import Foundation

/// Random secrets (session ids, CSRF and API tokens) and the hashes they are stored as.
enum Secret {
    /// The length of a secret from `make()`.
    static let length = 43

    /// 32 random bytes from the system's secure generator, URL-safe base64 without padding.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a secret, hex; what the database keeps.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hex
    }

    /// Compares without stopping at the first difference, so timing does not give the secret away.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
