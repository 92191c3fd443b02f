@testable import App
import Fluent
import SQLKit
import Testing
import Vapor

struct MigrationTests {
    @Test func migrationsLoadTheReferenceDataAndRevertCleanly() async throws {
        try await withTestApp { app in
            try await expectReferenceData(app)
            try await app.autoRevert()
            await #expect(throws: (any Error).self) { try await app.count("sbi_codes") }
            await #expect(throws: (any Error).self) { try await app.count("register_records") }
            try await app.autoMigrate()
            try await expectReferenceData(app)
        }
    }

    private func expectReferenceData(_ app: Application) async throws {
        #expect(try await app.count("sbi_codes") == 1_455)
        #expect(try await app.count("municipalities") == 342)
        let columns = try await (app.db as! any SQLDatabase).select().column("*").from("municipalities").limit(1).all().first?.allColumns ?? []
        #expect(!columns.contains("regio_zwolle"), "region membership is configuration, not a column")
        let store = RegisterStore(app.db)
        #expect(try await store.population(municipality: "GM0193", year: 2019)?.inhabitants == 127_497)
        #expect(try await store.population(municipality: "GM0193", year: 2024)?.inhabitants == 133_141)
        #expect(try await app.count("register_records") == 0)
    }
}
