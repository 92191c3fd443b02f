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

    public var database: Database
    /// The municipality the home page is about (CBS code).
    public var area: String

    public init(database: Database, area: String = "GM0193") {
        self.database = database
        self.area = area
    }

    /// Settings:
    /// - `DATABASE_URL`: a `postgres://` URL; PostgreSQL is used when it is set.
    /// - `VLIEGWIEL_DB`: the SQLite file, default `vliegwiel.sqlite`.
    /// - `VLIEGWIEL_AREA`: the municipality of the home page, default `GM0193` (Zwolle).
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
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return AppConfig(database: database, area: area)
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        (["Vliegwiel cannot start; fix these settings:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
