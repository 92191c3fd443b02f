import Foundation
import SQLKit

extension SQLDatabase {
    /// Makes the rows of a link table for one owner exactly `values`: the old rows go, the new
    /// ones are written in one batched insert. (An organisation's establishment numbers, a contact
    /// moment's people, an acquisition's team, ...)
    func replaceLinks(in table: String, owner column: String, _ owner: UUID, to valueColumn: String, values: [BulkValue]) async throws {
        try await delete(from: table).where(SQLIdentifier(column), .equal, SQLBind(owner)).run()
        try await insertLinks(in: table, owner: column, owner, to: valueColumn, values: values)
    }

    /// Adds rows (owner, value) to a link table in one batched insert.
    func insertLinks(in table: String, owner column: String, _ owner: UUID, to valueColumn: String, values: [BulkValue]) async throws {
        guard !values.isEmpty else { return }
        try await insertBatched(into: table, columns: [column, valueColumn], rows: values.map { [.uuid(owner), $0] })
    }
}
