import SQLKit

extension SQLDatabase {
    /// Inserts rows in multi-row statements, as many rows per statement as the bind limit of
    /// both databases allows (SQLite 32,766, PostgreSQL 65,535). `upsertKey`, when given, turns
    /// the insert into an upsert on that unique key, replacing every other column of the rows for
    /// which `replaceWhen` holds (all when nil).
    func insertBatched(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]],
        upsertKey: [String]? = nil, replaceWhen: (any SQLExpression)? = nil
    ) async throws {
        let rowsPerStatement = max(1, 30_000 / columns.count)
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + rowsPerStatement, rows.endIndex)
            var insert = self.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            if let upsertKey {
                insert = insert.onConflict(with: upsertKey) { update in
                    var update = update
                    for column in columns where !upsertKey.contains(column) {
                        update = update.set(excludedValueOf: column)
                    }
                    if let replaceWhen { update = update.where(replaceWhen) }
                    return update
                }
            }
            try await insert.run()
            start = end
        }
    }
}
