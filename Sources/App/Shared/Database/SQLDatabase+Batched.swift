import PostgresKit
import SQLiteNIO
import SQLKit

extension SQLDatabase {
    /// Inserts rows in multi-row statements, as many rows per statement as the bind limit of
    /// both databases allows (SQLite 32,766, PostgreSQL 65,535). `upsertKey`, when given, turns
    /// the insert into an upsert on that unique key, replacing every other column of the rows for
    /// which `replaceWhen` holds (all when nil).
    ///
    /// Both drivers get the statement text and its values directly, which is several times
    /// faster than building a million binds through SQLKit's serializer and Codable.
    func insertBatched(
        into table: String, columns: [String], rows: [[BulkValue]],
        upsertKey: [String]? = nil, replaceWhen: (any SQLExpression)? = nil
    ) async throws {
        let rowsPerStatement = max(1, 30_000 / columns.count)
        for batch in rows.chunked(into: rowsPerStatement) {
            if let sqlite = self as? any SQLiteDatabase {
                let sql = insertStatement(into: table, columns: columns, rows: batch.count, upsertKey: upsertKey, replaceWhen: replaceWhen) { _ in "?" }
                var binds: [SQLiteData] = []
                binds.reserveCapacity(batch.count * columns.count)
                for row in batch { for value in row { binds.append(value.sqlite) } }
                _ = try await sqlite.query(sql, binds)
                continue
            }
            if let postgres = self as? any PostgresDatabase {
                let sql = insertStatement(into: table, columns: columns, rows: batch.count, upsertKey: upsertKey, replaceWhen: replaceWhen) { "$\($0)" }
                var bindings = PostgresBindings(capacity: batch.count * columns.count)
                for row in batch { for value in row { value.append(to: &bindings) } }
                let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
                let logger = postgres.logger
                try await postgres.withConnection { connection in
                    connection.eventLoop.makeFutureWithTask {
                        for try await _ in try await connection.query(query, logger: logger) {}
                    }
                }.get()
                continue
            }
            var insert = self.insert(into: table).columns(columns)
            for row in batch {
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
        }
    }

    /// `INSERT INTO "t" ("a", "b") VALUES (?, ?), ... [ON CONFLICT (...) DO UPDATE SET ... WHERE ...]`,
    /// with the n-th bind parameter (from 1) written by `parameter`: `?` or `$n`.
    private func insertStatement(
        into table: String, columns: [String], rows: Int, upsertKey: [String]?, replaceWhen: (any SQLExpression)?,
        parameter: (Int) -> String
    ) -> String {
        let quoted = columns.map { "\"\($0)\"" }
        var sql = "INSERT INTO \"\(table)\" (\(quoted.joined(separator: ", "))) VALUES "
        sql += (0..<rows).map { row in
            "(" + (1...columns.count).map { parameter(row * columns.count + $0) }.joined(separator: ",") + ")"
        }.joined(separator: ",")
        if let upsertKey {
            let updates = columns.filter { !upsertKey.contains($0) }.map { "\"\($0)\" = excluded.\"\($0)\"" }
            sql += " ON CONFLICT (\(upsertKey.map { "\"\($0)\"" }.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))"
            if let replaceWhen { sql += " WHERE " + serialize(replaceWhen).sql }
        }
        return sql
    }
}
