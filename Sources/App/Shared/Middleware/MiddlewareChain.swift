import Vapor

/// Vliegwiel's own middleware (headers, logs, language, errors, sessions, ...), run by a
/// `MiddlewareChain`. Written like Vapor's `AsyncMiddleware`, but not one: Vapor starts a Swift
/// task for every `AsyncMiddleware` and each waits for the next through the event loop, and with
/// ten of them on a page those hops cost more than the work they wrap.
protocol ChainedMiddleware: Sendable {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response
}

/// Runs its middleware one after another in one task, then the rest of Vapor's chain (the
/// route's own middleware and its handler) once. Task-local values a middleware sets
/// (`Language.current`) hold for everything after it, as they did with separate tasks.
struct MiddlewareChain: AsyncMiddleware {
    let links: [any ChainedMiddleware]

    init(_ links: [any ChainedMiddleware]) {
        self.links = links
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await Link(rest: links[...], end: next).respond(to: request)
    }

    /// What follows one middleware: the next of the chain, or Vapor's.
    private struct Link: AsyncResponder {
        let rest: ArraySlice<any ChainedMiddleware>
        let end: any AsyncResponder

        func respond(to request: Request) async throws -> Response {
            guard let first = rest.first else { return try await end.respond(to: request) }
            return try await first.respond(to: request, chainingTo: Link(rest: rest.dropFirst(), end: end))
        }
    }
}
