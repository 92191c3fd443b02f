import Analysis
import Foundation

/// Everything Vliegwiel reads from its environment, checked as a whole at start: a bad setup
/// lists every problem at once instead of failing on the first.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        /// The embedded default: a file next to where Vliegwiel runs.
        case sqlite(path: String)
        case sqliteInMemory
        /// PostgreSQL; `schema`, when set, is created if needed and used as the search path
        /// (the tests give every test its own).
        case postgres(url: String, schema: String? = nil)
    }

    /// How logins and sessions behave.
    public struct Security: Sendable, Equatable {
        /// A session ends after this long without a request...
        public var idleTimeout: Duration = .seconds(30 * 60)
        /// ...and in any case this long after login.
        public var absoluteTimeout: Duration = .seconds(12 * 3600)
        /// Send the session cookie only over HTTPS (set when Vliegwiel is served over TLS).
        public var secureCookies = false
        /// The longest wait the back-off asks of an account (an address may have to wait up to
        /// `failureWindow`): short, so that nobody can keep a colleague out for long.
        public var accountBackoffCap: Duration = .seconds(60)
        /// Failed logins allowed per account and per client address within `failureWindow`.
        public var maximumFailures = 5
        public var failureWindow: Duration = .seconds(15 * 60)
        /// The first wait after `maximumFailures` failures; it doubles with each further failure.
        public var firstBackoff: Duration = .seconds(4)
        /// bcrypt cost; 12 in production (tests lower it to stay fast).
        public var passwordCost = 12

        public init() {}

        /// How many seconds from `now` the next login attempt must wait, given the times of the
        /// earlier attempts that failed within the window: nothing for the first
        /// `maximumFailures`, then `firstBackoff` after the latest one, doubling with each further failure,
        /// up to `cap`.
        func wait(after failures: [Date], cap: TimeInterval, now: Date) -> TimeInterval {
            guard failures.count >= maximumFailures, let latest = failures.max() else { return 0 }
            let backoff = min(cap, firstBackoff.seconds * pow(2, Double(min(failures.count - maximumFailures, 30))))
            return max(0, latest.addingTimeInterval(backoff).timeIntervalSince(now))
        }
    }

    public var database: Database
    /// The municipality the home page is about (CBS code).
    public var area: String
    public var security: Security

    public init(database: Database, area: String = "GM0193", security: Security = Security()) {
        self.database = database
        self.area = area
        self.security = security
    }

    /// Settings:
    /// - `DATABASE_URL`: a `postgres://` URL; PostgreSQL is used when it is set.
    /// - `VLIEGWIEL_DB`: the SQLite file, default `vliegwiel.sqlite`.
    /// - `VLIEGWIEL_AREA`: the municipality of the home page, default `GM0193` (Zwolle).
    /// - `VLIEGWIEL_SECURE_COOKIES`: `true` when served over HTTPS (cookies then only go over TLS).
    /// - `VLIEGWIEL_SESSION_IDLE_MINUTES` (default 30) and `VLIEGWIEL_SESSION_MAX_HOURS` (default 12).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> AppConfig {
        var problems: [String] = []
        var database = Database.sqlite(path: "vliegwiel.sqlite")
        let url = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let sqlitePath = environment["VLIEGWIEL_DB"].flatMap { $0.isEmpty ? nil : $0 }
        if let url {
            if let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""), parsed.host != nil {
                database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL must look like postgres://user:password@host:5432/database")
            }
            if sqlitePath != nil {
                problems.append("DATABASE_URL and VLIEGWIEL_DB are both set; set only one (PostgreSQL or an SQLite file)")
            }
        } else if let sqlitePath {
            let directory = URL(fileURLWithPath: sqlitePath).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue {
                database = .sqlite(path: sqlitePath)
            } else {
                problems.append("VLIEGWIEL_DB: the folder \(directory) does not exist")
            }
        }
        var area = "GM0193"
        if let value = environment["VLIEGWIEL_AREA"], !value.isEmpty {
            if let code = RegisterCSV.municipalityCode(value) {
                area = code
            } else {
                problems.append("VLIEGWIEL_AREA must be a CBS municipality code such as GM0193, not '\(value)'")
            }
        }
        var security = Security()
        switch environment["VLIEGWIEL_SECURE_COOKIES"]?.lowercased() {
        case nil, "", "false", "0", "no": break
        case "true", "1", "yes": security.secureCookies = true
        case let other?: problems.append("VLIEGWIEL_SECURE_COOKIES must be true or false, not '\(other)'")
        }
        for (name, range, apply) in [
            ("VLIEGWIEL_SESSION_IDLE_MINUTES", 1...1440, { (value: Int) in security.idleTimeout = .seconds(value * 60) }),
            ("VLIEGWIEL_SESSION_MAX_HOURS", 1...168, { (value: Int) in security.absoluteTimeout = .seconds(value * 3600) }),
        ] as [(String, ClosedRange<Int>, (Int) -> Void)] {
            guard let text = environment[name], !text.isEmpty else { continue }
            if let value = Int(text), range.contains(value) { apply(value) } else {
                problems.append("\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return AppConfig(database: database, area: area, security: security)
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        (["Vliegwiel cannot start; fix these settings:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
