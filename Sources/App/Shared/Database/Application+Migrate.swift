import Fluent
import FluentPostgresDriver
import Vapor

extension Application {
    /// Brings the schema up to date, once however many instances and commands start at the same
    /// time: on PostgreSQL the migrations run under an advisory lock (per schema), so a second
    /// instance waits for the first and then finds nothing left to do. SQLite's own write lock
    /// does this for a file. Logs what was migrated.
    func migrate() async throws {
        guard case .postgres(let url, let schema) = config.database else {
            try await migrateLogged()
            return
        }
        let key = "vliegwiel-migrations:" + (schema ?? "public")
        let connection = try await PostgresConnection.connect(on: eventLoopGroup.any(), configuration: try SQLPostgresConfiguration(url: url).coreConfiguration,
                                                              id: 0, logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_lock(hashtext(\(key)))", logger: logger)
            try await migrateLogged()
            try await connection.query("SELECT pg_advisory_unlock(hashtext(\(key)))", logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private func migrateLogged() async throws {
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        let waiting = try await migrator.previewPrepareBatch().get()
        if waiting.isEmpty {
            logger.info("The database schema is up to date.")
        } else {
            try await autoMigrate()
            logger.info("Migrated the database: \(waiting.map(\.0.name).joined(separator: ", ")).")
        }
    }
}
