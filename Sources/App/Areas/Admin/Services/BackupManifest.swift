import Foundation

/// What a backup says about itself: which Vliegwiel schema it holds (the migrations that had
/// run), how many rows each table had, and the SHA-256 of the database copy. A restore checks
/// all three.
struct BackupManifest: Codable, Equatable, Sendable {
    static let currentFormat = 1
    static let kind = "vliegwiel-backup"

    enum Engine: String, Codable, Sendable {
        case sqlite, postgresql

        /// The name of the database copy inside the archive.
        var payloadName: String { self == .sqlite ? "database.sqlite" : "database.pgdump" }
    }

    var kind = Self.kind
    var format = Self.currentFormat
    var createdAt: Date
    var engine: Engine
    /// PostgreSQL only: the schema the tables live in (a restore needs the same one).
    var schema: String?
    /// The migrations that had run, in the order they ran.
    var migrations: [String]
    /// Rows per table when the copy was taken.
    var tables: [String: Int]
    var payloadBytes: Int
    var sha256: String

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let manifest = try? decoder.decode(BackupManifest.self, from: data), manifest.kind == kind else {
            throw BackupError("the manifest is not one of a Vliegwiel backup")
        }
        guard manifest.format <= currentFormat else {
            throw BackupError("the backup has format \(manifest.format), newer than this Vliegwiel reads (\(currentFormat)): restore it with the Vliegwiel that made it, or a newer one")
        }
        return manifest
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
