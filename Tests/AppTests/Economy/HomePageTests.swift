@testable import App
import Testing
import Vapor
import VaporTesting

struct HomePageTests {
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Een,62.01,8011AB,GM0193,2010,1000,234,2000",
        "000000000001,00000001,Een,62.01,8011AB,GM0193,2020,1500,300,2000",
        "000000000002,00000002,Twee,86.10,8012AB,GM0193,2020,200,0,2000",
        "000000000003,00000003,Drie,86.10,8012AB,GM0166,2020,999,0,2000",
    ].joined(separator: "\n")

    @Test func showsKeyFiguresInFormatAgainstTenYearsEarlier() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            _ = try await Importer(database: app.db).importPopulation(path: try temporaryFile("gemeente,jaar,inwoners\nGM0193,2020,125000\nGM0193,2010,118000\n"))
            let session = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/", headers: session.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.description.hasPrefix("text/html") == true)
                let body = response.body.string
                #expect(body.components(separatedBy: "<h1").count == 2, "one h1")
                #expect(body.contains("Stand van Zwolle"))
                #expect(body.contains("2.000"), "jobs 2020: 1,800 + 200")
                #expect(body.contains("+766 (+62,1%) sinds 2010"), "jobs change from 1,234")
                #expect(body.contains("125.000"))
                #expect(body.contains("16,0"), "2,000 jobs per 125,000 inhabitants")
                #expect(!body.contains("Demodata"), "imported data is not labelled as demo")
                #expect(body.contains("Bron: CBS"))
            }
        }
    }

    @Test func withoutARegisterItSaysHowToLoadOne() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/", headers: session.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("vliegwiel import register"))
            }
        }
    }

    @Test func anUnknownAreaGetsAClearMessage() async throws {
        try await withTestApp(area: "GM9999") { app in
            let session = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/", headers: session.headers) { response in
                #expect(response.body.string.contains("GM9999"))
                #expect(response.body.string.contains("VLIEGWIEL_AREA"))
            }
        }
    }

    @Test func healthAnswersWithJSONWhenTheDatabaseAnswers() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/health") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .json)
                #expect(response.body.string.contains("\"status\":\"ok\""))
            }
        }
    }
}
