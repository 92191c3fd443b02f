@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Engagements and active involvement (issue 14): recorded with a form, counted per cluster in the
/// last 12 months against the goal of 15, lapsing ones marked; and the visit coverage.
struct EngagementTests {
    typealias Web = OrganisationTests

    private static func day(_ offset: Int) -> String { DemoRelations.day(offset).text }

    @Test func engagementsInTheLastTwelveMonthsMakeAnOrganisationActivelyInvolved() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let manager = try await app.session(as: .accountmanager)
            let recent = try await PeopleAndContactTests.organisation("Recent BV", as: manager, in: app)
            let lapsing = try await PeopleAndContactTests.organisation("Bijna Weg BV", as: manager, in: app)
            let old = try await PeopleAndContactTests.organisation("Lang Geleden BV", as: manager, in: app)
            for (organisation, date) in [(recent, Self.day(-10)), (lapsing, Self.day(-340)), (old, Self.day(-400))] {
                let saved = try await Web.post("/groeiclusters/activiteiten", ["date": date, "kind": "event", "clusters[]": "health",
                                                                               "organisations[]": organisation.uuidString], as: manager, in: app)
                #expect(saved.status == .seeOther, "\(saved.body.string.components(separatedBy: "error-summary").last?.prefix(300) ?? "")")
            }
            let page = try await Web.get("/groeiclusters/health", as: manager, in: app).body.string
            #expect(page.contains("2 van de 15 organisaties die de strategie belooft: nog 13 te gaan."))
            #expect(page.contains(">Recent BV</a>") && page.contains(">Bijna Weg BV</a>") && !page.contains(">Lang Geleden BV</a>"))
            let lapsingRow = try #require(page.components(separatedBy: "<tr").first { $0.contains("Bijna Weg BV") })
            #expect(lapsingRow.contains("vervalt binnenkort") && lapsingRow.hasPrefix(#" class="overdue""#))
            let index = try await Web.get("/groeiclusters", as: manager, in: app).body.string
            #expect(index.contains("2 / 15"))

            // Only project partnerships count: nobody is involved any more.
            try await Setting.set(.engagementKinds, "project_partner", on: app.db)
            let strict = try await Web.get("/groeiclusters/health", as: manager, in: app).body.string
            #expect(strict.contains("0 van de 15"))
            let list = try await Web.get("/groeiclusters/activiteiten?cluster=health", as: manager, in: app).body.string
            #expect(list.contains("3 activiteiten"))
            #expect(try await Web.get("/groeiclusters/activiteiten?cluster=onbekend", as: manager, in: app).status == .badRequest)
        }
    }

    @Test func aClusterWorksWithHigherEducationWhenAUniversityIsActivelyInvolved() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let manager = try await app.session(as: .accountmanager)
            let refused = try await Web.post("/relaties", ["kind": "company", "name": "Bedrijf BV", "education_level": "hbo"], as: manager, in: app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("alleen voor onderwijs- en kennisinstellingen"))
            _ = try await Web.post("/relaties", ["kind": "education", "name": "Hogeschool Zuid", "education_level": "hbo"], as: manager, in: app)
            _ = try await Web.post("/relaties", ["kind": "education", "name": "Vakschool Noord", "education_level": "mbo"], as: manager, in: app)
            let hbo = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Hogeschool Zuid").first())
            let mbo = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Vakschool Noord").first())
            #expect(hbo.educationLevel == .hbo)
            _ = try await Web.post("/groeiclusters/activiteiten", ["date": Self.day(-5), "kind": "education", "clusters[]": "health",
                                                                   "organisations[]": try mbo.requireID().uuidString], as: manager, in: app)
            var page = try await Web.get("/groeiclusters/health", as: manager, in: app).body.string
            #expect(page.contains("Nee: geen universiteit of hogeschool actief betrokken"), "mbo is not higher education")
            _ = try await Web.post("/groeiclusters/activiteiten", ["date": Self.day(-3), "kind": "education", "clusters[]": "health",
                                                                   "organisations[]": try hbo.requireID().uuidString], as: manager, in: app)
            page = try await Web.get("/groeiclusters/health", as: manager, in: app).body.string
            #expect(page.contains("Ja: ") && page.contains(">Hogeschool Zuid</a>"))
        }
    }

    @Test(arguments: [
        (["organisations[]": ""], "Organisaties: kies minstens één organisatie"),
        (["clusters[]": ""], "Clusters: kies minstens één cluster"),
        (["clusters[]": "ruimtevaart"], "'ruimtevaart' is geen cluster"),
        (["date": "gisteren"], "'gisteren' is geen datum"),
        (["kind": "feest"], "Soort:"),
    ])
    func badInputNamesTheFieldAndWritesNothing(change: [String: String], message: String) async throws {
        try await withTestApp { app in
            let manager = try await app.session(as: .accountmanager)
            let company = try await PeopleAndContactTests.organisation("Deelnemer BV", as: manager, in: app)
            let form = ["date": "2025-03-01", "kind": "event", "clusters[]": "health", "organisations[]": company.uuidString].merging(change) { $1 }
            let response = try await Web.post("/groeiclusters/activiteiten", form, as: manager, in: app)
            #expect(response.status == .unprocessableEntity && response.body.string.contains(message), "\(response.body.string.components(separatedBy: "error-summary").last?.prefix(300) ?? "")")
            #expect(try await Engagement.query(on: app.db).count() == 0)
        }
    }

    @Test func visitCoverageIsTheShareOfTheClustersJobsMetInTwoYears() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let manager = try await app.session(as: .accountmanager)
            _ = try await Web.post("/relaties", ["kind": "company", "name": "Software Een", "kvk_number": "00000001"], as: manager, in: app)
            let software = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Software Een").first()?.requireID())
            _ = try await Web.post("/relaties/contactmomenten", ["date": Self.day(-30), "kind": "visit", "organisations[]": software.uuidString], as: manager, in: app)
            // ICT in 2020: Software Een 150 of 210 jobs → 71,4%; Webwinkel Twee not met.
            let page = try await Web.get("/groeiclusters/ict-ecommerce?gebied=GM0193&van=2018&tot=2020", as: manager, in: app).body.string
            #expect(page.contains("71,4% van de banen van het cluster (2020)"))
            let notMet = try #require(page.components(separatedBy: "Grootste werkgevers zonder contact").last)
            #expect(notMet.contains("Webwinkel Twee") && !notMet.prefix(800).contains(">Software Een<"))
        }
    }
}
