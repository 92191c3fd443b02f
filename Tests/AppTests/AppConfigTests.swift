@testable import App
import Testing

struct AppConfigTests {
    @Test func defaultsToSQLiteInTheWorkingDirectory() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.database == .sqlite(path: "vliegwiel.sqlite"))
        #expect(config.area == "GM0193")
    }

    @Test func usesPostgreSQLWhenDatabaseURLIsSet() throws {
        let config = try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u:p@localhost:5432/vliegwiel", "VLIEGWIEL_AREA": "0166"])
        #expect(config.database == .postgres(url: "postgres://u:p@localhost:5432/vliegwiel"))
        #expect(config.area == "GM0166")
    }

    @Test func listsEveryProblemAtOnce() {
        do {
            _ = try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://x", "VLIEGWIEL_DB": "/tmp/x.sqlite", "VLIEGWIEL_AREA": "Zwolle"])
            Issue.record("a bad configuration was accepted")
        } catch {
            #expect(error.problems.count == 3)
            #expect(error.description.contains("DATABASE_URL must look like postgres://"))
            #expect(error.description.contains("VLIEGWIEL_AREA"))
        }
    }

    @Test func aMissingSQLiteFolderIsAProblem() {
        #expect(throws: ConfigurationError.self) {
            try AppConfig.fromEnvironment(["VLIEGWIEL_DB": "/no/such/folder/v.sqlite"])
        }
    }
}
