import Vapor

/// Sets `Language.current` for the request: `?taal=en` or `?taal=nl` switches and is remembered
/// in a cookie, so links keep working for readers of either language and a shared link with
/// `taal` shows the page in that language.
struct LanguageMiddleware: ChainedMiddleware {
    static let cookie = "vliegwiel_taal"
    static let parameter = "taal"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let asked = request.queryText(Self.parameter).flatMap(Language.init(rawValue:))
        let language = asked ?? request.cookies[Self.cookie].flatMap { Language(rawValue: $0.string) } ?? .dutch
        let response = try await Language.$current.withValue(language) {
            try await Language.$requestTarget.withValue(request.url.string) {
                try await next.respond(to: request)
            }
        }
        if let asked, request.cookies[Self.cookie]?.string != asked.rawValue {
            response.cookies[Self.cookie] = HTTPCookies.Value(string: asked.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                              isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
