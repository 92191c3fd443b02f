import Analysis
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

        var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }
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

    /// The region around the home municipality: what the region page compares the city with,
    /// what `gebied` and `--area` offer besides single municipalities, and what acquisition
    /// counts as "from outside".
    public struct Region: Sendable, Equatable {
        public let name: String
        /// Municipality codes, sorted.
        public let members: [String]
        /// How URLs and the command line name the whole region: its name in lower case with
        /// hyphens ("Regio Zwolle" is `regio-zwolle`).
        public var key: String {
            name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
        }

        public init(name: String, members: [String]) {
            self.name = name
            self.members = Array(Set(members)).sorted()
        }

        /// Regio Zwolle, the region of the Economisch Perspectief: 22 municipalities in
        /// Overijssel, Drenthe, Flevoland and Gelderland (the `regio_zwolle` column of the shipped
        /// CBS municipalities file).
        public static let zwolle = Region(name: "Regio Zwolle", members: [
            "GM0118", "GM0119", "GM0148", "GM0160", "GM0166", "GM0171", "GM0175", "GM0177", "GM0180", "GM0184", "GM0193",
            "GM0230", "GM0244", "GM0246", "GM0269", "GM0302", "GM0303", "GM1690", "GM1701", "GM1708", "GM1773", "GM1896",
        ])

        /// The region of a municipality when none is set: Regio Zwolle for Zwolle, otherwise the
        /// municipality's COROP area, named "Regio <municipality>".
        static func standard(for area: String, reference: ReferenceData) -> Region {
            if area == AppConfig.defaultArea { return zwolle }
            guard let home = reference.municipalities.first(where: { $0.code == area }) else { return Region(name: area, members: [area]) }
            return Region(name: "Regio \(home.name)", members: reference.municipalities.filter { $0.coropCode == home.coropCode }.map(\.code))
        }
    }

    /// Zwolle: the municipality of the strategy Vliegwiel was first built for.
    public static let defaultArea = "GM0193"

    public var database: Database
    /// The municipality the home page is about (CBS code).
    public var area: String
    public var region: Region
    public var security: Security
    /// The Chromium that prints council reports to PDF; nil to look for `chromium` on the PATH.
    public var chromium: String? = nil
    /// Who may read `/metrics`.
    public var metrics = Metrics()

    /// `/metrics` answers requests straight from one of `addresses` (not through a proxy), or
    /// with `Authorization: Bearer <token>`.
    public struct Metrics: Sendable, Equatable {
        public var addresses: Set<String> = ["127.0.0.1", "::1"]
        public var token: String? = nil
        public init() {}
    }

    /// Without a region, the standard one of `area` (see `Region.standard`).
    public init(database: Database, area: String = AppConfig.defaultArea, region: Region? = nil, security: Security = Security()) {
        self.database = database
        self.area = area
        self.region = region ?? (try? ReferenceData.shared.get()).map { Region.standard(for: area, reference: $0) } ?? Region(name: area, members: [area])
        self.security = security
    }

    /// Settings:
    /// - `DATABASE_URL`: a `postgres://` URL; PostgreSQL is used when it is set.
    /// - `VLIEGWIEL_DB`: the SQLite file, default `vliegwiel.sqlite`.
    /// - `VLIEGWIEL_AREA`: the municipality of the home page, default `GM0193` (Zwolle).
    /// - `VLIEGWIEL_REGION`: its region, as municipality codes separated by commas, or a COROP
    ///   area (`CR10`) or province (`PV23`); default Regio Zwolle for Zwolle, otherwise the COROP
    ///   area. `VLIEGWIEL_REGION_NAME` names it (default "Regio" and the municipality's name).
    /// - `VLIEGWIEL_SECURE_COOKIES`: `true` when served over HTTPS (cookies then only go over TLS).
    /// - `VLIEGWIEL_CHROMIUM`: the Chromium that prints council reports to PDF (default: `chromium`
    ///   or `chromium-browser` on the PATH).
    /// - `VLIEGWIEL_SESSION_IDLE_MINUTES` (default 30) and `VLIEGWIEL_SESSION_MAX_HOURS` (default 12).
    /// - `VLIEGWIEL_METRICS_ADDRESSES`: the addresses that may read `/metrics` directly, separated
    ///   by commas (default `127.0.0.1,::1`); `VLIEGWIEL_METRICS_TOKEN`: a token of at least 32
    ///   characters that lets a scraper read it from anywhere.
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
        var area = defaultArea
        if let value = environment["VLIEGWIEL_AREA"], !value.isEmpty {
            if let code = RegisterCSV.municipalityCode(value) {
                area = code
                if let reference = try? ReferenceData.shared.get(), !reference.municipalityCodes.contains(code) {
                    problems.append("VLIEGWIEL_AREA: \(code) is not in the CBS list of municipalities (2024)")
                }
            } else {
                problems.append("VLIEGWIEL_AREA must be a CBS municipality code such as \(defaultArea), not '\(value)'")
            }
        }
        let region = region(area: area, members: environment["VLIEGWIEL_REGION"], name: environment["VLIEGWIEL_REGION_NAME"], problems: &problems)
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
        var metrics = Metrics()
        if let text = environment["VLIEGWIEL_METRICS_ADDRESSES"], !text.isEmpty {
            let addresses = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let bad = addresses.filter { !isIPAddress($0) }
            if bad.isEmpty { metrics.addresses = Set(addresses) } else {
                problems.append("VLIEGWIEL_METRICS_ADDRESSES must be IP addresses separated by commas; not addresses: \(bad.joined(separator: ", "))")
            }
        }
        if let token = environment["VLIEGWIEL_METRICS_TOKEN"], !token.isEmpty {
            if token.count >= 32, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) { metrics.token = token } else {
                problems.append("VLIEGWIEL_METRICS_TOKEN must be at least 32 characters without spaces (e.g. openssl rand -hex 32)")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        var config = AppConfig(database: database, area: area, region: region, security: security)
        config.chromium = environment["VLIEGWIEL_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
        config.metrics = metrics
        return config
    }

    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// The region from its settings; nil (the standard region) when neither is set.
    private static func region(area: String, members text: String?, name: String?, problems: inout [String]) -> Region? {
        let text = text?.trimmingCharacters(in: .whitespaces) ?? "", name = name?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !text.isEmpty || !name.isEmpty else { return nil }
        guard let reference = try? ReferenceData.shared.get() else {
            problems.append("VLIEGWIEL_REGION cannot be checked: the shipped municipalities file is missing")
            return nil
        }
        let standard = Region.standard(for: area, reference: reference)
        let home = reference.municipalities.first { $0.code == area }
        var members = standard.members
        // Without a name: a COROP area or province is called by its own name, a list of
        // municipalities "Regio" and the home municipality's name.
        var defaultName = standard.name
        if !text.isEmpty {
            let upper = text.uppercased()
            defaultName = home.map { "Regio \($0.name)" } ?? area
            if upper.hasPrefix("CR") || upper.hasPrefix("PV") {
                let area = reference.municipalities.filter { $0.coropCode == upper || $0.provinceCode == upper }
                members = area.map(\.code)
                if let first = area.first { defaultName = first.coropCode == upper ? first.coropName : first.provinceName }
                if members.isEmpty { problems.append("VLIEGWIEL_REGION: '\(text)' is not a COROP area (CR01-CR40) or province (PV20-PV31)") }
            } else {
                let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let unknown = parts.filter { RegisterCSV.municipalityCode($0).map(reference.municipalityCodes.contains) != true }
                if !unknown.isEmpty { problems.append("VLIEGWIEL_REGION: not CBS municipality codes: \(unknown.joined(separator: ", "))") }
                members = parts.compactMap(RegisterCSV.municipalityCode)
            }
            if home != nil, !members.isEmpty, !members.contains(area) { problems.append("VLIEGWIEL_REGION must include the home municipality \(area)") }
        }
        let named = name.isEmpty ? defaultName : name
        if named.count > 80 || named.contains(where: { $0.isNewline }) { problems.append("VLIEGWIEL_REGION_NAME must be one line of at most 80 characters") }
        let region = Region(name: named, members: members)
        if region.key.isEmpty || RegisterCSV.municipalityCode(region.key) != nil {
            problems.append("VLIEGWIEL_REGION_NAME must contain letters and must not look like a municipality code, not '\(named)'")
        }
        return region
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        (["Vliegwiel cannot start; fix these settings:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
