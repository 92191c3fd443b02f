import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Turns errors into an HTML page (or problem+json for the API) that says what was wrong in the
/// user's language. Only deliberate refusals (`Abort`) show their reason; anything else is
/// logged and shown as a general failure.
struct ErrorPageMiddleware: ChainedMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let invalid as InvalidFields {
            let message = localized("Niet opgeslagen: ", "Not saved: ") + invalid.description
            guard request.url.path.hasPrefix("/api/") else { return respond(request, status: .unprocessableEntity, message: message) }
            return .problem(.unprocessableEntity, title: localized("Ongeldige velden", "Invalid fields"), detail: message,
                            invalidParams: invalid.problems.map { ["name": $0.field, "reason": $0.reason] }, requestID: request.requestID)
        } catch let abort as AbortError {
            let message = abort.status == .notFound && abort.reason == abort.status.reasonPhrase
                ? localized("Deze pagina bestaat niet.", "This page does not exist.") : abort.reason
            return respond(request, status: abort.status, message: message)
        } catch {
            request.logger.report(error: error)
            return respond(request, status: .internalServerError,
                           message: localized("Er ging iets mis bij het verwerken van dit verzoek. Het is vastgelegd in het logboek; probeer het later opnieuw.", "Something went wrong while handling this request. It has been logged; please try again later."))
        }
    }

    private func respond(_ request: Request, status: HTTPResponseStatus, message: String) -> Response {
        if request.url.path.hasPrefix("/api/") {
            return .problem(status, title: status.reasonPhrase, detail: message, requestID: request.requestID)
        }
        return .html(ErrorPage.render(status: Int(status.code), message: message, requestID: request.requestID), status: status)
    }
}

/// Until the first user exists (outside the demo), every page explains how to create an administrator.
struct SetupMiddleware: ChainedMiddleware {
    private let hasUsers = NIOLockedValueBox(false)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if !hasUsers.withLockedValue({ $0 }) {
            guard try await User.query(on: request.db).count() > 0 else {
                return .html(Login.setupPage(), status: .serviceUnavailable)
            }
            hasUsers.withLockedValue { $0 = true }
        }
        return try await next.respond(to: request)
    }
}
