import PostgresKit
import SQLiteNIO
import SQLKit

extension SQLDatabase {
    /// Inserts rows in multi-row statements, as many rows per statement as the bind limit of
    /// both databases allows (SQLite 32,766, PostgreSQL 65,535). `upsertKey`, when given, turns
    /// the insert into an upsert on that unique key, replacing every other column of the rows for
    /// which `replaceWhen` holds (all when nil).
    ///
    /// SQLite gets the statement text and its values directly, which is several times faster than
    /// building a million binds through SQLKit's serializer and Codable; PostgreSQL gets the rows
    /// through `COPY`, faster again than binds.
    func insertBatched(
        into table: String, columns: [String], rows: [[BulkValue]],
        upsertKey: [String]? = nil, replaceWhen: (any SQLExpression)? = nil
    ) async throws {
        if let postgres = self as? any PostgresDatabase {
            return try await copy(into: table, columns: columns, rows: rows, upsertKey: upsertKey, replaceWhen: replaceWhen, postgres: postgres)
        }
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

    /// PostgreSQL's bulk load: the rows as `COPY ... FROM STDIN` text, straight into the table or,
    /// for an upsert, into a temporary table that one `INSERT ... SELECT ... ON CONFLICT` then
    /// merges (in chunks, so a key repeated in far-apart rows is updated as the batched inserts do).
    private func copy(
        into table: String, columns: [String], rows: [[BulkValue]], upsertKey: [String]?, replaceWhen: (any SQLExpression)?,
        postgres: any PostgresDatabase
    ) async throws {
        let logger = postgres.logger
        let staging = "bulk_" + table
        let merge: String? = upsertKey.map { key in
            let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let updates = columns.filter { !key.contains($0) }.map { "\"\($0)\" = excluded.\"\($0)\"" }
            var sql = "INSERT INTO \"\(table)\" (\(quoted)) SELECT \(quoted) FROM \"\(staging)\" ON CONFLICT (\(key.map { "\"\($0)\"" }.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))"
            if let replaceWhen { sql += " WHERE " + serialize(replaceWhen).sql }
            return sql
        }
        let quotedColumns = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        // A key twice in one merge would be an error ("cannot affect row a second time"): the last row wins, as on SQLite.
        var rows = rows
        if let upsertKey {
            let indices = upsertKey.compactMap { columns.firstIndex(of: $0) }
            var seen = Set<[BulkValue]>()
            rows = Array(rows.reversed().filter { row in seen.insert(indices.map { row[$0] }).inserted }.reversed())
        }
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                func run(_ sql: String) async throws {
                    for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {}
                }
                if merge != nil {
                    try await run("DROP TABLE IF EXISTS pg_temp.\"\(staging)\"")
                    try await run("CREATE TEMPORARY TABLE \"\(staging)\" AS SELECT \(quotedColumns) FROM \"\(table)\" WITH NO DATA")
                }
                for chunk in rows.chunked(into: 50_000) {
                    try await connection.copyFrom(table: merge == nil ? table : staging, columns: columns, logger: logger) { writer in
                        var buffer = ByteBuffer()
                        for row in chunk {
                            for (index, value) in row.enumerated() {
                                if index > 0 { buffer.writeStaticString("\t") }
                                value.writeCopyText(to: &buffer)
                            }
                            buffer.writeStaticString("\n")
                            if buffer.readableBytes > 1 << 20 {
                                try await writer.write(buffer)
                                buffer.clear()
                            }
                        }
                        if buffer.readableBytes > 0 { try await writer.write(buffer) }
                    }
                    if let merge {
                        try await run(merge)
                        try await run("TRUNCATE \"\(staging)\"")
                    }
                }
                if merge != nil { try await run("DROP TABLE \"\(staging)\"") }
            }
        }.get()
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
