@testable import App
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

/// `/metrics` and request ids (issue 19).
struct MetricsTests {
    static let token = String(repeating: "7f3a", count: 10)

    @Test func metricsCountRequestsByRouteAndStatusForAnAllowedScraper() async throws {
        try await withTestApp { app in
            app.config.metrics.token = Self.token
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ImportTests.good))
            let viewer = try await app.session(as: .viewer)
            for _ in 0..<3 { #expect(try await OrganisationTests.get("/economie/sectoren?jaar=2018", as: viewer, in: app).status == .ok) }
            let unknown = UUID()
            #expect(try await OrganisationTests.get("/relaties/organisaties/\(unknown)", as: viewer, in: app).status == .notFound)
            var text = ""
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.description.hasPrefix("text/plain") == true)
                text = response.body.string
            }
            #expect(text.contains(#"vliegwiel_http_requests_total{method="GET",route="/economie/sectoren",status="200"} 3"#), "\(text.prefix(2000))")
            #expect(text.contains(#"vliegwiel_http_requests_total{method="GET",route="/relaties/organisaties/:id",status="404"} 1"#))
            #expect(text.contains(#"vliegwiel_http_request_duration_seconds_bucket{method="GET",route="/economie/sectoren",le="+Inf"} 3"#))
            #expect(text.contains(#"vliegwiel_import_runs{kind="register",outcome="imported"} 1"#))
            #expect(text.contains(#"vliegwiel_import_rows{kind="register",outcome="imported"} 3"#))
            #expect(text.contains(#"vliegwiel_cache_lookups_total{cache="panel",result="hit"}"#), "the second page view reads the cached register")
            #expect(!text.contains(unknown.uuidString), "paths are not labels, routes are")
        }
    }

    @Test func metricsAreRefusedToEveryoneElse() async throws {
        try await withTestApp { app in
            app.config.metrics.token = Self.token
            let admin = try await app.session(as: .admin)
            #expect(try await OrganisationTests.get("/metrics", as: admin, in: app).status == .forbidden, "a user's session is not enough")
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(String(Self.token.dropLast()))x"]) { #expect($0.status == .forbidden) }
            let controller = MetricsController()
            func request(from address: String, headers: HTTPHeaders = [:]) throws -> Request {
                Request(application: app, method: .GET, url: "/metrics", headers: headers,
                        remoteAddress: try SocketAddress(ipAddress: address, port: 50000), on: app.eventLoopGroup.next())
            }
            let scraper = try request(from: "127.0.0.1"), proxied = try request(from: "127.0.0.1", headers: ["X-Forwarded-For": "203.0.113.9"])
            let remote = try request(from: "203.0.113.9")
            #expect(controller.allowed(scraper), "a scraper on this machine")
            #expect(!controller.allowed(proxied), "through the proxy: not local")
            #expect(!controller.allowed(remote))
            app.config.metrics.addresses = ["10.0.0.5"]
            let chosen = try request(from: "10.0.0.5"), local = try request(from: "127.0.0.1")
            #expect(controller.allowed(chosen) && !controller.allowed(local))
        }
    }

    @Test func everyResponseCarriesARequestIdThatTheErrorPageShows() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            let missing = try await OrganisationTests.get("/relaties/organisaties/\(UUID())", as: viewer, in: app)
            let id = try #require(missing.headers.first(name: .xRequestId))
            #expect(missing.body.string.contains(id), "the error page names the request")
            try await app.testing().test(.GET, "/api/v1/organisations/\(UUID())", headers: ["X-Request-Id": "proxy-abc.123"]) { response in
                #expect(response.headers.first(name: .xRequestId) == "proxy-abc.123", "a proxy's id is kept")
                #expect(response.body.string.contains(#""requestId":"proxy-abc.123""#))
            }
            try await app.testing().test(.GET, "/health", headers: ["X-Request-Id": "<script>" + String(repeating: "a", count: 80)]) { response in
                let given = response.headers.first(name: .xRequestId) ?? ""
                #expect(UUID(uuidString: given) != nil, "a malformed id is replaced, not logged: \(given)")
            }
        }
    }
}
