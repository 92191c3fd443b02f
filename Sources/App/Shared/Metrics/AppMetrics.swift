import Fluent
import Prometheus
import SQLKit
import Vapor

/// What `/metrics` reports, in Prometheus's text format: requests by route and status and their
/// latency, the figure caches' hits and misses, requests and database connections in use, and
/// (read from the database when scraped, so they count every instance and the command line) the
/// import runs and their rows. One registry per application.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let inFlight: Gauge

    /// Latency buckets from 1 ms to 10 s: the pages' target is 25 ms at the 99th percentile.
    static let buckets: [Duration] = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000].map { .microseconds(Int64($0 * 1000)) }

    init() {
        inFlight = registry.makeGauge(descriptor: .vliegwiel("http_requests_in_flight", help: "Requests being handled now."))
    }

    func started() { inFlight.increment() }

    /// A request done: `route` is the route's pattern (`/relaties/organisaties/:id`), never the
    /// path itself, so the number of series stays bounded.
    func finished(method: String, route: String, status: UInt, duration: Duration) {
        inFlight.decrement()
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: .vliegwiel("http_requests_total", help: "Requests handled, by method, route and status."), labels: labels).increment()
        registry.makeDurationHistogram(descriptor: .vliegwiel("http_request_duration_seconds", help: "Time to handle a request, by method and route."),
                                       labels: [("method", method), ("route", route)], buckets: Self.buckets).record(duration)
    }

    /// A look-up in a figure cache (`panel` or `figures`).
    func cache(_ cache: String, hit: Bool) {
        registry.makeCounter(descriptor: .vliegwiel("cache_lookups_total", help: "Look-ups in the figure caches, by cache and result."),
                             labels: [("cache", cache), ("result", hit ? "hit" : "miss")]).increment()
    }

    /// The text for a scrape: first the figures read from the database now.
    func scrape(on database: any Database, postgres: Bool) async throws -> [UInt8] {
        struct Runs: Decodable { let kind: String; let outcome: String; let runs: Int; let rows: Int? }
        let runs = try await (database as! any SQLDatabase).raw("""
            SELECT kind, outcome, COUNT(*) AS runs, CAST(SUM(rows) AS BIGINT) AS rows FROM import_runs GROUP BY kind, outcome
            """).all(decoding: Runs.self)
        for run in runs {
            let labels = [("kind", run.kind), ("outcome", run.outcome)]
            registry.makeGauge(descriptor: .vliegwiel("import_runs", help: "Import runs in the database, by kind and outcome."), labels: labels).set(Double(run.runs))
            registry.makeGauge(descriptor: .vliegwiel("import_rows", help: "Rows of those import runs."), labels: labels).set(Double(run.rows ?? 0))
        }
        if postgres {
            // The pools' use as the server sees it: the connections of this database user (every
            // instance and command) by state, active ones running a query now.
            struct Connections: Decodable { let state: String?; let n: Int }
            let connections = try await (database as! any SQLDatabase).raw("""
                SELECT state, COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user GROUP BY state
                """).all(decoding: Connections.self)
            for state in ["active", "idle", "idle in transaction"] {
                registry.makeGauge(descriptor: .vliegwiel("database_connections", help: "PostgreSQL connections of Vliegwiel's database user, by state."),
                                   labels: [("state", state)])
                    .set(Double(connections.first { $0.state == state }?.n ?? 0))
            }
        }
        return registry.emitToBuffer()
    }
}

extension MetricNameDescriptor {
    /// A metric named `vliegwiel_<name>`, with its help text.
    static func vliegwiel(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "vliegwiel", metricName: name, unitName: "", helpText: help)
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = AppMetrics }

    var metrics: AppMetrics {
        if let metrics = storage[MetricsKey.self] { return metrics }
        let metrics = AppMetrics()
        storage[MetricsKey.self] = metrics
        return metrics
    }
}
