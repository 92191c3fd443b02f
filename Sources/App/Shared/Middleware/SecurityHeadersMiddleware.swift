import Vapor

/// Security headers on every response, error pages included (this middleware is the outermost):
/// scripts only as files from this site (no inline script, no foreign content), no framing, no MIME sniffing, no full URLs leaked to
/// other sites, and HSTS when served over HTTPS. It also refuses to send a header whose name or
/// value could split the response (CR, LF, NUL or another control character): Vapor's HTTP/1
/// pipeline has no place for NIO's `NIOHTTPResponseHeadersValidator`, so the same rule is applied here.
struct SecurityHeadersMiddleware: ChainedMiddleware {
    let secure: Bool

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var response = try await next.respond(to: request)
        if !response.headers.allSatisfy({ Self.isValidField(name: $0.name, value: $0.value) }) {
            request.logger.error("Refused to send a response header with a control character", metadata: ["path": .string(request.url.path)])
            response = Response(status: .internalServerError, body: .init(string: localized("Er ging iets mis.", "Something went wrong.")))
        }
        // A response may bring a stricter policy of its own (the council report: no script, its styles inline).
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if secure { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains") }
        return response
    }

    /// RFC 9110 section 5: a field name is a token; a field value has no CR, LF, NUL or other
    /// control character except horizontal tab.
    static func isValidField(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
            && value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }
}
