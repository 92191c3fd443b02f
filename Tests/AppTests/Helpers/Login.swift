@testable import App
import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor
import VaporTesting

extension Application {
    /// Logs in the way a browser does: fetch the login form (its CSRF token, also in a cookie), post it, and return the headers carrying the new session cookie.
    func loginThroughForm(email: String, password: String) async throws -> HTTPHeaders {
        let form = try await loginForm()
        var session = HTTPHeaders()
        try await testing().test(.POST, "/login", headers: form.headers, beforeRequest: { request in
            try request.content.encode(["csrf": form.csrf, "email": email, "password": password, "next": "/"], as: .urlEncodedForm)
        }) { response in
            guard response.status == .seeOther, let cookie = response.headers.setCookie?[SessionMiddleware.cookieName]?.string else {
                throw Abort(.unauthorized, reason: "login failed: \(response.status) \(response.body.string.prefix(300))")
            }
            session = ["Cookie": "\(SessionMiddleware.cookieName)=\(cookie)"]
        }
        return session
    }

    /// GET /login: the login-token cookie header and the form's CSRF token (no session yet).
    func loginForm() async throws -> (headers: HTTPHeaders, csrf: String, cookie: String) {
        var result: (HTTPHeaders, String, String)?
        try await testing().test(.GET, "/login") { response in
            let cookie = response.headers.setCookie?[SessionMiddleware.loginTokenCookie]?.string ?? ""
            result = (["Cookie": "\(SessionMiddleware.loginTokenCookie)=\(cookie)"], Self.csrf(in: response.body.string) ?? "", cookie)
        }
        return result!
    }

    /// The value of the first `csrf` hidden field of a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return html[range].components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
    }
}

/// Every log line of the test process, so tests can check that no secret is ever logged.
enum LogCapture {
    private static let lines = NIOLockedValueBox<[String]>([])

    /// Installs the capturing log handler (once per process).
    static let install: Void = LoggingSystem.bootstrap { label in Handler(label: label) }

    static var all: [String] { lines.withLockedValue { $0 } }

    struct Handler: LogHandler {
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let text = "\(level) \(label) \(message) \(self.metadata.merging(metadata ?? [:]) { $1 })"
            LogCapture.lines.withLockedValue { $0.append(text) }
        }
    }
}
