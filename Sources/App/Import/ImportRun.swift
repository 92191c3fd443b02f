import Fluent
import Foundation

/// One import of a file (or of the generated demo), kept for provenance.
final class ImportRun: Model, @unchecked Sendable {
    static let schema = "import_runs"

    enum Kind: String, Codable, CaseIterable {
        case register, national, population, demo, organisations, people
        case municipalFigures = "municipal-figures", ecosystem

        /// Whether the run changes the register data the monitor pages are computed from.
        var changesRegister: Bool { [.register, .national, .population, .demo, .municipalFigures, .ecosystem].contains(self) }
    }

    enum Outcome: String, Codable {
        case running, imported, rejected, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    @Field(key: "file_name") var fileName: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "rows") var rows: Int
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "outcome") var outcome: Outcome
    @OptionalField(key: "errors") var errors: String?

    init() {}

    init(kind: Kind, fileName: String, sha256: String, rows: Int, startedAt: Date = Date()) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.rows = rows
        self.startedAt = startedAt
        self.outcome = .running
    }
}
