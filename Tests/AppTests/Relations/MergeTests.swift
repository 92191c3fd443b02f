@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Duplicates are found and merged with all their history (issue 6).
struct MergeTests {
    typealias Web = OrganisationTests

    static func organisation(_ fields: [String: String], in app: Application) async throws -> Organisation {
        var input = OrganisationInput(kind: "company", name: fields["name"])
        input.kvkNumber = fields["kvk_number"]
        input.postcode = fields["postcode"]
        input.establishmentNumbers = fields["establishment_numbers"].map(TextList.init(text:))
        input.tags = fields["tags"].map(TextList.init(text:))
        input.notes = fields["notes"]
        return try await OrganisationService(database: app.db, actor: .system).create(try input.validated(reference: try ReferenceData.shared.get(), users: UserDirectory([])))
    }

    @Test func likelyDuplicatesAreListedWithTheirReason() async throws {
        try await withTestApp { app in
            _ = try await Self.organisation(["name": "Bakkerij Jansen B.V.", "postcode": "8011AB"], in: app)
            _ = try await Self.organisation(["name": "Bakkerij Jansen", "postcode": "8011AB"], in: app)
            _ = try await Self.organisation(["name": "Drukkerij Noord", "kvk_number": "11111111"], in: app)
            _ = try await Self.organisation(["name": "Noord Print", "kvk_number": "11111111"], in: app)
            _ = try await Self.organisation(["name": "Een", "establishment_numbers": "000000000007"], in: app)
            _ = try await Self.organisation(["name": "Twee", "establishment_numbers": "000000000007"], in: app)
            _ = try await Self.organisation(["name": "Bakkerij Pietersen", "postcode": "8011AB"], in: app)
            let pairs = try await OrganisationService(database: app.db, actor: .system).duplicates()
            #expect(pairs.count == 3, "\(pairs.map { "\($0.first.name)/\($0.second.name)" })")
            #expect(pairs.contains { $0.reason.contains("zelfde KvK-nummer 11111111") })
            #expect(pairs.contains { $0.reason.contains("zelfde vestigingsnummer 000000000007") })
            #expect(pairs.contains { $0.reason.contains("bijna dezelfde naam op postcode 8011AB") && Set([$0.first.name, $0.second.name]) == ["Bakkerij Jansen B.V.", "Bakkerij Jansen"] })
            let session = try await app.session(as: .viewer)
            #expect((try await Web.get("/relaties/dubbelen", as: session, in: app)).body.string.contains("Noord Print"))
        }
    }

    @Test func aMergeKeepsEveryRelatedRecordAndIsAudited() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let keep = try await Self.organisation(["name": "Noord Print", "kvk_number": "11111111", "tags": "druk"], in: app)
            let drop = try await Self.organisation(["name": "Drukkerij Noord", "kvk_number": "11111111", "postcode": "8011AB", "establishment_numbers": "000000000007",
                                                    "tags": "maak", "notes": "Oude notitie"], in: app)
            let (keepID, dropID) = (try keep.requireID(), try drop.requireID())
            let person = try await PersonService(database: app.db, actor: .system).create(try PersonInput(name: "Anna").validated(),
                                                                                   roles: [.init(organisation: dropID, title: "Directeur", from: nil, to: nil)])
            let users = try await UserDirectory.load(on: app.db)
            let both = try await ContactMomentInput(date: "2025-01-10", kind: "visit", organisations: [keepID.uuidString, dropID.uuidString]).validated(on: app.db, users: users)
            let only = try await ContactMomentInput(date: "2025-02-10", kind: "call", organisations: [dropID.uuidString], people: [try person.requireID().uuidString])
                .validated(on: app.db, users: users)
            try await ContactMomentService(database: app.db, actor: .system).create(both)
            try await ContactMomentService(database: app.db, actor: .system).create(only)
            try await FollowUpService(database: app.db, actor: .system).create(.init(description: "Bellen", owner: session.user.id!, dueOn: "2025-03-01", status: .open,
                                                                               organisation: dropID, contactMoment: nil))
            try await QuestionService(database: app.db, actor: .system).create(try await QuestionInput(question: "Ruimte?", channel: "phone", organisation: dropID.uuidString)
                .validated(on: app.db, users: users))
            try await AcquisitionService(database: app.db, actor: .system, area: "GM0193").create(.init(companyName: "Nieuwkomer", codename: nil, originMunicipality: "GM0363", cluster: nil,
                                                                              stage: .landed, expectedJobs: 5, expectedInvestment: nil, decisionOn: nil, notes: nil,
                                                                              organisation: dropID, team: []))

            // Merging an organisation with itself is refused and changes nothing.
            let itself = try await Web.post("/relaties/organisaties/\(keepID)/samenvoegen", ["duplicate": keepID.uuidString], as: session, in: app)
            #expect(itself.status == .unprocessableEntity && itself.body.string.contains("niet met zichzelf"))
            #expect(try await app.count("organisations") == 2)

            let merged = try await Web.post("/relaties/organisaties/\(keepID)/samenvoegen", ["duplicate": dropID.uuidString], as: session, in: app)
            #expect(merged.status == .seeOther)
            #expect(try await Organisation.find(dropID, on: app.db) == nil)
            let survivor = try #require(try await Organisation.find(keepID, on: app.db))
            #expect(survivor.postcode == "8011AB" && survivor.tags == "druk,maak" && survivor.notes?.contains("Oude notitie") == true)
            #expect(try await OrganisationService(database: app.db, actor: .system).establishments(of: keepID) == ["000000000007"])
            #expect(try await Affiliation.query(on: app.db).filter(\.$organisation.$id == keepID).count() == 1)
            #expect(try await FollowUp.query(on: app.db).filter(\.$organisation.$id == keepID).count() == 1)
            #expect(try await Question.query(on: app.db).filter(\.$organisation.$id == keepID).count() == 1)
            #expect(try await Acquisition.query(on: app.db).filter(\.$organisation.$id == keepID).count() == 1)
            let page = try await Web.get("/relaties/organisaties/\(keepID)", as: session, in: app).body.string
            #expect(page.contains("10-01-2025") && page.contains("10-02-2025") && page.contains("Anna"), "both contact moments and the person")
            #expect(try await app.count("contact_moment_organisations") == 2, "the shared contact moment once")
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == .merge).first())
            #expect(audit.entityID == keepID.uuidString && audit.changes.contains(dropID.uuidString) && audit.actorID == session.user.id)
        }
    }
}
