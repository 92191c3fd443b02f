import Vapor

/// Gives every request an id, logs one line when it is done (method, path without its query,
/// status, time, with the id as `request-id`), sends the id back as `X-Request-Id` and counts
/// the request in the metrics. An error page shows the id, so a user's report can be found in
/// the log. A proxy's `X-Request-Id` is kept when it is a plain token of up to 64 characters.
struct RequestLogMiddleware: ChainedMiddleware {
    let metrics: AppMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = Self.validID(request.headers.first(name: .xRequestId)) ?? UUID().uuidString.lowercased()
        request.requestID = id
        request.logger[metadataKey: "request-id"] = .string(id)
        metrics.started()
        let started = ContinuousClock.now
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            finish(request, route: route, status: (error as? any AbortError)?.status ?? .internalServerError, started: started)
            throw error
        }
        response.headers.replaceOrAdd(name: .xRequestId, value: id)
        finish(request, route: route, status: response.status, started: started)
        return response
    }

    private func finish(_ request: Request, route: String, status: HTTPResponseStatus, started: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - started
        metrics.finished(method: request.method.rawValue, route: route, status: status.code, duration: duration)
        request.logger.info("\(request.method.rawValue) \(request.url.path) \(status.code) \(String(format: "%.1f", duration.seconds * 1000)) ms")
    }

    static func validID(_ text: String?) -> String? {
        guard let text, (1...64).contains(text.utf8.count),
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F })
        else { return nil }
        return text
    }
}

extension Request {
    private struct RequestIDKey: StorageKey { typealias Value = String }

    /// The id under which this request is logged.
    var requestID: String {
        get { storage[RequestIDKey.self] ?? id }
        set { storage[RequestIDKey.self] = newValue }
    }
}
