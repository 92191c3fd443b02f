@testable import App
import Analysis
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Groeiclusters (issue 14): clusters as data, their figures from the register against a
/// computation by hand, and the form's checks.
struct ClusterTests {
    typealias Web = OrganisationTests

    /// Zwolle in 2018 and 2020: two ICT firms (62.01 and a webshop 47.91.1), a hospital, a bakery;
    /// one ICT firm elsewhere.
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Software Een,62.01,8011AB,GM0193,2018,80,20,2000",
        "000000000001,00000001,Software Een,62.01,8011AB,GM0193,2020,130,20,2000",
        "000000000002,00000002,Webwinkel Twee,47.91.1,8012AB,GM0193,2018,30,10,2010",
        "000000000002,00000002,Webwinkel Twee,47.91.1,8012AB,GM0193,2020,45,15,2010",
        "000000000003,00000003,Ziekenhuis Drie,86.10,8013AB,GM0193,2018,900,100,1990",
        "000000000003,00000003,Ziekenhuis Drie,86.10,8013AB,GM0193,2020,950,100,1990",
        "000000000004,00000004,Bakkerij Vier,10.71,8014AB,GM0193,2018,20,0,1980",
        "000000000004,00000004,Bakkerij Vier,10.71,8014AB,GM0193,2020,25,0,1980",
        "000000000005,00000005,Elders ICT,62.01,8261AB,GM0166,2020,500,0,2000",
    ].joined(separator: "\n")

    private static func ictRow(_ page: String) -> String? {
        page.components(separatedBy: "<tr>").first { $0.contains(">ICT &amp; E-commerce</a>") }
    }

    @Test func theFiguresFollowTheDefinitionAndMatchAComputationByHand() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let adviser = try await app.session(as: .adviser)
            // ICT & E-commerce by default: 62, 47.91, ... — Software Een and Webwinkel Twee.
            // 2018: 100 + 40 = 140; 2020: 150 + 60 = 210; growth +50%; all jobs 2020: 150 + 60 + 1.050 + 25 = 1.285, share 16,3%.
            var page = try await Web.get("/groeiclusters?gebied=GM0193&van=2018&tot=2020", as: adviser, in: app).body.string
            var row = try #require(Self.ictRow(page))
            #expect(row.contains(">140<") && row.contains(">210<") && row.contains("+50,0%") && row.contains("16,3%"), "\(row)")

            // Add the bakery's organisation by hand and exclude the webshop's: 150 + 25 = 175 in 2020, 100 + 20 = 120 in 2018.
            let bakery = try await PeopleAndContactTests.organisation("Bakkerij Vier", as: adviser, in: app)
            let webshop = try await PeopleAndContactTests.organisation("Webwinkel Twee", as: adviser, in: app)
            for (id, kvk) in [(bakery, "00000004"), (webshop, "00000002")] {
                let organisation = try #require(try await Organisation.find(id, on: app.db))
                organisation.kvkNumber = kvk
                try await organisation.save(on: app.db)
            }
            let ict = try await ClusterService.find(key: "ict-ecommerce", on: app.db)
            let saved = try await Web.post("/groeiclusters/ict-ecommerce", [
                "key": "ict-ecommerce", "name_nl": "ICT & E-commerce", "name_en": "ICT & E-commerce", "growth_cluster": "true",
                "sbi_prefixes": ict.sbiPrefixes, "members_added[]": bakery.uuidString, "members_excluded[]": webshop.uuidString,
            ], as: adviser, in: app)
            #expect(saved.status == .seeOther, "\(saved.body.string.components(separatedBy: "error-summary").last?.prefix(400) ?? "")")
            page = try await Web.get("/groeiclusters?gebied=GM0193&van=2018&tot=2020", as: adviser, in: app).body.string
            row = try #require(Self.ictRow(page))
            #expect(row.contains(">120<") && row.contains(">175<"), "the cached figures follow the change: \(row)")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "cluster").filter(\.$action == .update).count()
            #expect(audit == 1)

            // The cluster's own page: the same figures, its largest employer by name, the members by name.
            let own = try await Web.get("/groeiclusters/ict-ecommerce?gebied=GM0193&van=2018&tot=2020", as: adviser, in: app).body.string
            #expect(own.contains("Software Een") && own.contains(">Bakkerij Vier</a>") && own.contains(">Webwinkel Twee</a>") && own.contains("175"))

            // The drill-down lists the same establishments: the bakery in, the webshop out; and as CSV.
            let list = try await Web.get("/economie/vestigingen?gebied=GM0193&jaar=2020&cluster=ict-ecommerce", as: adviser, in: app).body.string
            #expect(list.contains("Software Een") && list.contains("Bakkerij Vier") && !list.contains("Webwinkel Twee") && list.contains("in het cluster ICT &amp; E-commerce"))
            let csv = try await Web.get("/economie/vestigingen?gebied=GM0193&jaar=2020&cluster=ict-ecommerce&formaat=csv", as: adviser, in: app).body.string
            let jobs = csv.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }
            #expect(jobs.reduce(0, +) == 175 && jobs.count == 2, "\(csv)")
            #expect(try await Web.get("/economie/vestigingen?gebied=GM0193&jaar=2020&cluster=onbekend", as: adviser, in: app).status == .notFound)

            // The same through Analysis directly: an independent sum over the rows.
            let panel = try await RegisterStore(app.db).panel(municipalities: ["GM0193"], years: [2018, 2020])
            let definition = ClusterDefinition(sbiPrefixes: ["62", "47.91"], addedEnterprises: [4], excludedEnterprises: [2])
            let counts = panel.counts(in: Area(municipalities: ["GM0193"]), year: 2020, cluster: definition)
            #expect(counts.jobs == 175 && counts.establishments == 2)
            let sections = ClusterDefinition(sbiPrefixes: ["Q"])
            #expect(panel.counts(in: Area(municipalities: ["GM0193"]), year: 2018, cluster: sections).jobs == 1_000, "a section letter covers its codes")
        }
    }

    @Test func theLocationQuotientNeedsWholeDivisions() {
        let national = ["62": 300_000, "86": 700_000, "10": 1_000_000]
        // Area: 150 of 1.285 jobs in 62; nation 300.000 of 2.000.000: LQ = (150/1285)/(0.15).
        let (quotient, gap) = ClusterFigures.locationQuotient(ClusterDefinition(sbiPrefixes: ["62"]), jobs: 150, areaJobs: 1_285, nationalDivisions: national)
        #expect(gap == nil && abs(quotient! - (150.0 / 1_285) / 0.15) < 1e-12)
        let fine = ClusterFigures.locationQuotient(ClusterDefinition(sbiPrefixes: ["62", "47.91"]), jobs: 210, areaJobs: 1_285, nationalDivisions: national)
        #expect(fine.0 == nil && fine.1?.contains("2 cijfers") == true)
    }

    @Test(arguments: [
        (["sbi_prefixes": "62 99.99"], "sbi_prefixes", "'99.99' is geen SBI-sectie of -code"),
        (["sbi_prefixes": "62 abc"], "sbi_prefixes", "'abc' is geen SBI-sectie of -code"),
        (["key": "ICT ecommerce!"], "key", "gebruik kleine letters"),
        (["name_nl": ""], "name_nl", "verplicht"),
    ])
    func badInputIsRefusedByFieldAndNothingIsWritten(change: [String: String], field: String, message: String) async throws {
        try await withTestApp { app in
            let adviser = try await app.session(as: .adviser)
            let form = ["key": "water", "name_nl": "Water", "name_en": "Water", "sbi_prefixes": "36 37"].merging(change) { $1 }
            let response = try await Web.post("/groeiclusters", form, as: adviser, in: app)
            #expect(response.status == .unprocessableEntity && response.body.string.contains(message), "\(response.body.string.prefix(200))")
            #expect(try await Cluster.query(on: app.db).count() == 4, "only the four defaults")
        }
    }

    @Test func anOrganisationCannotBeBothAddedAndExcludedAndOnlyAdvisersEdit() async throws {
        try await withTestApp { app in
            let adviser = try await app.session(as: .adviser)
            let company = try await PeopleAndContactTests.organisation("Dubbel BV", as: adviser, in: app)
            let both = try await Web.post("/groeiclusters", ["key": "water", "name_nl": "Water", "name_en": "Water", "sbi_prefixes": "36",
                                                              "members_added[]": company.uuidString, "members_excluded[]": company.uuidString], as: adviser, in: app)
            #expect(both.status == .unprocessableEntity && both.body.string.contains("niet tegelijk toegevoegd en uitgesloten"))
            let taken = try await Web.post("/groeiclusters", ["key": "health", "name_nl": "Zorg", "name_en": "Care", "sbi_prefixes": "86"], as: adviser, in: app)
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains("heeft al een ander cluster"))
            let manager = try await app.session(as: .accountmanager, email: "am@example.org")
            let refused = try await Web.post("/groeiclusters", ["key": "water", "name_nl": "Water", "name_en": "Water", "sbi_prefixes": "36"], as: manager, in: app)
            #expect(refused.status == .forbidden)
            let created = try await Web.post("/groeiclusters", ["key": "water", "name_nl": "Water", "name_en": "Water", "sbi_prefixes": "36"], as: adviser, in: app)
            #expect(created.status == .seeOther && created.headers.first(name: .location) == "/groeiclusters/water")
            #expect(try await Web.get("/groeiclusters/bestaat-niet", as: adviser, in: app).status == .notFound)
        }
    }

    @Test func mergingOrganisationsKeepsTheirClusterMembership() async throws {
        try await withTestApp { app in
            let adviser = try await app.session(as: .adviser)
            let original = try await PeopleAndContactTests.organisation("Windesheim", as: adviser, in: app)
            let duplicate = try await PeopleAndContactTests.organisation("Hogeschool Windesheim", as: adviser, in: app)
            _ = try await Web.post("/groeiclusters/health", ["key": "health", "name_nl": "Health", "name_en": "Health", "growth_cluster": "true",
                                                              "sbi_prefixes": "86", "members_added[]": duplicate.uuidString], as: adviser, in: app)
            let survivor = try #require(try await Organisation.find(original, on: app.db)), gone = try #require(try await Organisation.find(duplicate, on: app.db))
            try await OrganisationService(database: app.db, actor: .system).merge(gone, into: survivor)
            let health = try await ClusterService.find(key: "health", on: app.db)
            let members = try await ClusterService(database: app.db, actor: .system).members(of: health.requireID())
            #expect(members.added == [original] && members.excluded.isEmpty)
        }
    }
}
