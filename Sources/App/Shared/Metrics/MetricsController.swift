import Vapor

/// `GET /metrics`: the Prometheus text of `AppMetrics`, for a scraper on an allowed address
/// (straight, not through the proxy: a request that carries forwarding headers is not trusted as
/// local) or one that sends the configured token.
struct MetricsController {
    func scrape(_ request: Request) async throws -> Response {
        guard allowed(request) else {
            throw Abort(.forbidden, reason: localized("De metrieken zijn alleen te lezen vanaf de ingestelde adressen of met het token.",
                                                      "The metrics can only be read from the configured addresses or with the token."))
        }
        let postgres = if case .postgres = request.application.config.database { true } else { false }
        let body = try await request.application.metrics.scrape(on: request.db, postgres: postgres)
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                        body: .init(buffer: ByteBuffer(bytes: body)))
    }

    func allowed(_ request: Request) -> Bool {
        let config = request.application.config.metrics
        if let token = config.token, let bearer = request.headers.bearerAuthorization?.token {
            return Secret.equal(bearer, token)
        }
        let forwarded = ["X-Forwarded-For", "Forwarded", "X-Real-IP"].contains { request.headers.first(name: $0) != nil }
        guard !forwarded, let address = request.remoteAddress?.ipAddress else { return false }
        return config.addresses.contains(address)
    }
}
