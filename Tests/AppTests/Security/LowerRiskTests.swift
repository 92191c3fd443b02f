@testable import App
import Analysis
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, item 9: encodings, references that do not exist, and API tokens.
struct LowerRiskTests {
    typealias API = RelationsAPITests

    @Test func aWindows1252RegisterIsConvertedNotStoredAsMojibake() async throws {
        try await withTestApp { app in
            var bytes = Array((ImportTests.header + "\n000000000001,00000001,Caf").utf8)
            bytes += [0xE9, 0x20, 0x80] // "é €" in Windows-1252
            bytes += Array(",56.10,8011AB,GM0193,2020,3,1,2010\n".utf8)
            let path = try temporaryFile("")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            _ = try await Importer(database: app.db).importRegister(path: path)
            let name = try await app.sql.select().column("name").from("register_records").first(decodingColumn: "name", as: String.self)
            #expect(name == "Café €")
        }
    }

    @Test func aFollowUpForARecordThatDoesNotExistIsRefusedByName() async throws {
        try await withTestApp { app in
            let (headers, user) = try await API.token(.accountmanager, in: app)
            for field in ["organisation", "contact_moment"] {
                let response = try await API.call(.POST, "/api/v1/follow-ups", """
                    {"description":"Bellen","owner":"\(user.email)","due_on":"2025-03-01","\(field)":"\(UUID().uuidString)"}
                    """, headers: headers, in: app)
                #expect(response.status == .unprocessableEntity && response.body.string.contains("\"name\":\"\(field)\""), "\(response.body.string)")
            }
            #expect(try await app.count("follow_ups") == 0)
        }
    }

    @Test func anExpiredTokenNoLongerWorksAndUseIsRecorded() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .viewer)
            let accounts = Accounts(database: app.db, passwordCost: app.passwordCost, actor: .system)
            let (token, secret) = try await accounts.createToken(for: session.user, name: "kort", expiresAt: Date().addingTimeInterval(3600))
            #expect(try await API.call(.GET, "/api/v1/people", headers: ["Authorization": "Bearer \(secret)"], in: app).status == .ok)
            #expect(try await APIToken.find(token.id, on: app.db)?.lastUsedAt != nil)
            token.expiresAt = Date().addingTimeInterval(-1)
            try await token.update(on: app.db)
            #expect(try await API.call(.GET, "/api/v1/people", headers: ["Authorization": "Bearer \(secret)"], in: app).status == .unauthorized)

            var input = CommandInput(arguments: ["token", "list"])
            let list = try await UserCommand(action: "token", subaction: "list").perform(try UserCommand.Signature(from: &input), accounts: accounts, password: { _ in "" })
            #expect(list.contains("expired") && list.contains("last used") && list.contains(CalendarDay(Date()).text))
        }
    }
}
