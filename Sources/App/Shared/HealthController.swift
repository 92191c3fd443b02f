import SQLKit
import Vapor

/// `/health` for load balancers and monitoring: 200 when the database answers, 503 when not.
struct HealthController {
    struct Status: Content {
        let status: String
        let database: String
    }

    func check(_ request: Request) async throws -> Response {
        let healthy: Bool
        do {
            try await (request.db as! any SQLDatabase).raw("SELECT 1").run()
            healthy = true
        } catch {
            request.logger.error("Health check: database does not answer: \(String(reflecting: error))")
            healthy = false
        }
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(Status(status: healthy ? "ok" : "unavailable", database: healthy ? "ok" : "unavailable"), as: .json)
        return response
    }
}
