@testable import App
import Analysis
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Economie > Plekken (issue 20): advisers keep places as postcode areas; their figures are the
/// register's records with a postcode in them.
struct PlacesTests {
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Station Een,62.01,8011AB,GM0193,2021,10,0,2000",
        "000000000001,00000001,Station Een,62.01,8011AB,GM0193,2022,12,0,2000",
        "000000000002,00000002,Station Twee,47.11,8011CD,GM0193,2022,3,2,2022",
        "000000000003,00000003,Park Drie,49.41,8028PE,GM0193,2022,40,0,2010",
        "000000000004,00000004,Elders Vier,62.01,8043AA,GM0193,2022,7,0,2010",
    ].joined(separator: "\n")

    @Test func anAdviserAddsAPlaceAndItsFiguresAreThoseOfItsPostcodes() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let adviser = try await app.session(as: .adviser)
            let created = try await OrganisationTests.post("/economie/plekken", ["key": "station-noord", "name": "Station noord", "postcodes": "8011AB 8028"], as: adviser, in: app)
            #expect(created.status == .seeOther)
            let token = try await RelationsAPITests.token(.viewer, in: app)
            let place = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/places/station-noord", headers: token.headers, in: app))
            let latest = try #require(place["latest"] as? [String: Any])
            #expect(latest["year"] as? Int == 2022)
            #expect(latest["jobs"] as? Int == 52, "12 at 8011AB and 40 in 8028; not 8011CD")
            #expect(latest["establishments"] as? Int == 2)
            let years = try #require(place["years"] as? [[String: Any]])
            #expect(years.map { $0["jobs"] as? Int } == [10, 52])

            let page = try await OrganisationTests.get("/economie/plekken/station-noord", as: adviser, in: app)
            #expect(page.status == .ok && page.body.string.contains("Station noord"))
            #expect(page.body.string.contains("postcode=8028"), "drill-down to the records of each postcode area")
            let events = try await AuditEvent.query(on: app.db).filter(\.$entity == "place").all()
            #expect(events.count == 1)

            // Editing the postcodes changes the figures at once.
            let edited = try await OrganisationTests.post("/economie/plekken/station-noord", ["key": "station-noord", "name": "Station noord", "postcodes": "8011"], as: adviser, in: app)
            #expect(edited.status == .seeOther)
            let after = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/places/station-noord", headers: token.headers, in: app))
            #expect((after["latest"] as? [String: Any])?["jobs"] as? Int == 17)

            let deleted = try await OrganisationTests.post("/economie/plekken/station-noord/verwijderen", [:], as: adviser, in: app)
            #expect(deleted.status == .seeOther)
            #expect(try await Place.query(on: app.db).filter(\.$key == "station-noord").count() == 0)
        }
    }

    @Test(arguments: [
        (["key": "x", "name": "X", "postcodes": "8011"], "'x' kan niet"),
        (["key": "spoorzone", "name": "X", "postcodes": "8011"], "'spoorzone' is al in gebruik"),
        (["key": "elders", "name": "Elders", "postcodes": "8261"], "8261 ligt niet in Zwolle"),
        (["key": "elders", "name": "Elders", "postcodes": "80111"], "'80111' is geen postcodegebied"),
        (["key": "leeg", "name": "Leeg", "postcodes": ""], "is verplicht"),
    ])
    func aBadPlaceIsRefusedWithTheReasonAndNothingIsSaved(fields: [String: String], expected: String) async throws {
        try await withTestApp { app in
            let before = try await app.count("places")
            let adviser = try await app.session(as: .adviser)
            let response = try await OrganisationTests.post("/economie/plekken", fields, as: adviser, in: app)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(expected), "\(fields)")
            #expect(try await app.count("places") == before)
        }
    }

    @Test func aReaderSeesPlacesButCannotChangeThem() async throws {
        try await withTestApp { app in
            let viewer = try await app.session(as: .viewer)
            let list = try await OrganisationTests.get("/economie/plekken", as: viewer, in: app)
            #expect(list.status == .ok)
            for name in ["Spoorzone", "Hessenpoort", "Binnenstad", "Oosterenk", "Health Innovation Park", "Port of Zwolle"] {
                #expect(list.body.string.contains(name), "the strategy's places are there by default: \(name)")
            }
            let response = try await OrganisationTests.post("/economie/plekken", ["key": "nieuw-gebied", "name": "N", "postcodes": "8011"], as: viewer, in: app)
            #expect(response.status == .forbidden)
        }
    }
}
