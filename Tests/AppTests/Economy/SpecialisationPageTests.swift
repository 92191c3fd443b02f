@testable import App
import Analysis
import Markup
import Foundation
import Testing
import Vapor
import VaporTesting

/// Economie > Specialisatie (issue 4).
struct SpecialisationPageTests {
    static let national = "jaar,sbi_sectie,banen\n2010,J,1000\n2010,Q,3000\n2020,J,1500\n2020,Q,3000\n"

    @Test func quotientsAndShiftShareAreThoseOfTheAnalysisLibrary() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .viewer)
            let path = "/economie/specialisatie?gebied=GM0193&van=2010&tot=2020"
            try await app.testing().test(.GET, path, headers: session.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("geen landelijke banencijfers"))
            }
            _ = try await Importer(database: app.db).importNational(path: try temporaryFile(Self.national, name: "national.csv"))
            // Zwolle 2020: J 240 and Q 250 of 490 jobs; the Netherlands J 1,500 and Q 3,000 of 4,500.
            let quotientJ = (240.0 / 490) / (1500.0 / 4500)
            let shift = ShiftShare(regionStart: [120, 300], regionEnd: [240, 250], nationStart: [1000, 3000], nationEnd: [1500, 3000])
            try await app.testing().test(.GET, path + "&formaat=csv", headers: session.headers) { response in
                let lines = response.body.string.split(separator: "\n").map(String.init)
                let j = try #require(lines.first { $0.hasPrefix("J,") }).split(separator: ",").map(String.init)
                #expect(Double(j[4]).map { abs($0 - quotientJ) < 1e-4 } == true, "\(j)")
                let parts = (5...7).compactMap { Double(j[$0]) }
                let expected = try #require(shift.bySector[0])
                #expect(zip(parts, [expected.nationalShare, expected.industryMix, expected.regionalShift]).allSatisfy { abs($0 - $1) < 1e-4 })
                #expect(abs(parts.reduce(0, +) - 120) < 1e-3, "the components add up to J's change")
            }
            try await app.testing().test(.GET, path, headers: session.headers) { response in
                let body = response.body.string
                #expect(body.contains(Format.decimal(quotientJ, digits: 2)))
                #expect(body.contains("<desc id=\"shiftshare-desc\">"))
                #expect(body.components(separatedBy: "<h1").count == 2)
            }
        }
    }
}

extension SpecialisationPageTests {
    @Test func aSectionDrillsDownToTheQuotientsOfItsDivisions() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .viewer)
            let path = "/economie/specialisatie?gebied=GM0193&van=2010&tot=2020&sectie=J"
            _ = try await Importer(database: app.db).importNational(path: try temporaryFile(Self.national, name: "national.csv"))
            try await app.testing().test(.GET, path, headers: session.headers) { response in
                #expect(response.body.string.contains("geen landelijke banen per afdeling"), "says what is missing")
            }
            let divisions = "jaar,sbi_sectie,sbi_afdeling,banen\n2020,J,62,500\n2020,J,58,200\n2020,J,,1500\n2020,Q,,3000\n"
            _ = try await Importer(database: app.db).importNational(path: try temporaryFile(divisions, name: "divisions.csv"))
            #expect(try await app.count("national_division_jobs") == 2)
            // Zwolle 2020: division 62 has 200 and 58 has 40 of 490 jobs; the Netherlands 500 and 200 of 4,500.
            let quotient62 = (200.0 / 490) / (500.0 / 4500), quotient58 = (40.0 / 490) / (200.0 / 4500)
            try await app.testing().test(.GET, path + "&formaat=csv", headers: session.headers) { response in
                let lines = response.body.string.split(separator: "\n").map(String.init)
                #expect(lines.first?.hasPrefix("afdeling,") == true)
                let quotient = { (code: String) in lines.first { $0.hasPrefix(code + ",") }.flatMap { Double($0.split(separator: ",")[4]) } }
                #expect(quotient("62").map { abs($0 - quotient62) < 1e-4 } == true)
                #expect(quotient("58").map { abs($0 - quotient58) < 1e-4 } == true)
            }
            try await app.testing().test(.GET, path, headers: session.headers) { response in
                let body = response.body.string
                #expect(body.contains("Afdelingen van sectie J") && body.contains(Format.decimal(quotient62, digits: 2)))
                #expect(body.contains("/economie/vestigingen?gebied=GM0193&amp;jaar=2020&amp;sbi=62"), "a division links to its establishments")
            }
        }
    }

    @Test(arguments: [
        ("jaar,sbi_sectie,sbi_afdeling,banen\n2020,J,86,5\n", "line 2, column sbi_afdeling: division 86 belongs to section Q, not J"),
        ("jaar,sbi_sectie,sbi_afdeling,banen\n2020,J,6A,5\n", "line 2, column sbi_afdeling: '6A' is not an SBI division"),
        ("jaar,sbi_sectie,sbi_afdeling,banen\n2020,J,62,5\n2020,J,62,6\n", "line 3, column sbi_afdeling: division 62 in 2020 already has a row on line 2"),
    ])
    func aBadDivisionRowIsRejectedAndNothingIsWritten(text: String, expected: String) async throws {
        try await withTestApp { app in
            do {
                _ = try await Importer(database: app.db).importNational(path: try temporaryFile(text))
                Issue.record("accepted a bad file")
            } catch let rejected as ImportRejected {
                #expect(rejected.report().contains(expected), "\(rejected.report())")
            }
            #expect(try await app.count("national_division_jobs") == 0)
        }
    }
}

/// Economie > Bedrijfsgrootte (issue 4).
struct FirmSizePageTests {
    @Test func sizeClassesAreThoseOfTheAnalysisLibrary() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .viewer)
            // Zwolle 2020 enterprises: 200, 250 and 40 jobs.
            try await app.testing().test(.GET, "/economie/bedrijfsgrootte?gebied=GM0193&tot=2020&formaat=csv", headers: session.headers) { response in
                let lines = response.body.string.split(separator: "\n").map(String.init)
                #expect(lines.contains("10-49,1,40") && lines.contains("100-249,1,200") && lines.contains("250+,1,250"), "\(lines)")
                #expect(lines.count == 8)
            }
            try await app.testing().test(.GET, "/economie/bedrijfsgrootte?gebied=GM0193&tot=2020", headers: session.headers) { response in
                #expect(response.body.string.contains("51,0% van de banen"), "250 of 490 jobs")
            }
            try await app.testing().test(.GET, "/economie/bedrijfsgrootte?gebied=GM0193&tot=2020&eenheid=kantoor", headers: session.headers) {
                #expect($0.status == .badRequest)
            }
        }
    }
}

/// Economie > Regio and its map (issue 4).
struct RegionPageTests {
    @Test func theMapHasOneShapePerMunicipalityOfRegioZwolleAndALegendCoveringTheData() throws {
        let reference = try ReferenceData.shared.get()
        let shapes = ChoroplethMap.municipalities
        #expect(Set(shapes.map(\.code)) == Set(AppConfig.Region.zwolle.members))
        let values = Dictionary(uniqueKeysWithValues: shapes.enumerated().map { ($1.code, Double($0) * 1.5 - 4) })
        let map = ChoroplethMap(title: "t", shapes: shapes, values: values, format: { String($0) }, source: "s")
        let svg = map.svg(id: "m").render()
        #expect(svg.components(separatedBy: "<path ").count - 1 == 22)
        #expect(map.classBounds.count == 5 && map.classBounds.last == values.values.max())
        #expect(values.values.allSatisfy { map.colour(for: $0) != ChoroplethMap.noData })
        #expect(map.colour(for: values.values.min()) == ChoroplethMap.palette[0] && map.colour(for: values.values.max()) == ChoroplethMap.palette[4])
        #expect(map.colour(for: nil) == ChoroplethMap.noData)
    }

    @Test func theCityIsComparedWithTheRestOfTheRegion() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/economie/regio?van=2010&tot=2020&formaat=csv", headers: session.headers) { response in
                let lines = response.body.string.split(separator: "\n").map(String.init)
                // Zwolle 420 -> 490; Kampen (GM0166) 0 -> 999; the region is their sum.
                #expect(lines.contains { $0.hasPrefix("GM0193,Zwolle,420,490,16.7,") })
                #expect(lines.contains { $0.hasPrefix("rest,Rest van Regio Zwolle,0,999,,") })
                #expect(lines.contains { $0.hasPrefix("regio-zwolle,Regio Zwolle,420,1489,254.5,") })
                #expect(lines.count == 1 + 3 + 22)
            }
            try await app.testing().test(.GET, "/economie/regio?van=2010&tot=2020", headers: session.headers) { response in
                let body = response.body.string
                // The municipalities, Zwolle outlined, and Zwolle's 25 postcode areas coloured by jobs
                // per km² (200 jobs in 8011, 290 in 8012).
                #expect(body.components(separatedBy: "<path ").count - 1 == 22 + 1 + 25)
                #expect(body.contains(#"class="selected""#))
                let area = { (code: String) in ChoroplethMap.postcodeAreas(of: "GM0193").first { $0.code == code }!.squareKilometres }
                #expect(body.contains("8011 Zwolle: \(Format.integer(Int((200 / area("8011")).rounded()))) banen per km²"))
                #expect(body.contains("8012 Zwolle: \(Format.integer(Int((290 / area("8012")).rounded()))) banen per km²"))
                #expect(body.contains(#"class="area-label""#) && body.contains(">Kampen</text>"), "areas are named where their names fit")
                #expect(body.contains("kaart: CBS, Kadaster"))
            }
        }
    }
}

/// Economie > Overzicht (issue 4).
struct OverviewPageTests {
    @Test func theTrendIsThatOfTheRegisterYearByYear() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let session = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/economie?gebied=GM0193&van=2010&tot=2020&formaat=csv", headers: session.headers) { response in
                let lines = response.body.string.split(separator: "\n").map(String.init)
                #expect(lines == ["jaar,banen,vestigingen,inwoners,banen_per_1000_inwoners,snelle_groeiers", "2010,420,2,,,", "2020,490,3,,,"])
            }
            try await app.testing().test(.GET, "/economie?gebied=GM0193&van=2010&tot=2020", headers: session.headers) { response in
                let body = response.body.string
                #expect(body.contains("Economie van Zwolle, 2010-2020"))
                #expect(body.contains(#"<desc id="banen-desc">"#), "a trend line with a text alternative")
                #expect(body.contains(#"aria-current="page">Overzicht"#), "the economy tabs")
            }
        }
    }
}

/// The charts' geometry (issue 13).
struct ChartGeometryTests {
    /// A square of 0.01° by 0.01° at 52.5° N: 1.1132 km north-south and 1.1132 × cos(52.5°) km
    /// east-west; a hole of a quarter of it is left out.
    @Test func anAreaIsMeasuredInSquareKilometres() {
        let square = [(6.0, 52.5), (6.01, 52.5), (6.01, 52.51), (6.0, 52.51)]
        let hole = [(6.0, 52.5), (6.0, 52.505), (6.005, 52.505), (6.005, 52.5)]
        let expected = 1.1132 * 1.1132 * cos(52.5 * .pi / 180)
        let whole = ChoroplethMap.Shape(code: "x", name: "x", municipality: nil, rings: [square])
        #expect(abs(whole.squareKilometres - expected) < 0.001)
        let holed = ChoroplethMap.Shape(code: "x", name: "x", municipality: nil, rings: [square, hole])
        #expect(abs(holed.squareKilometres - expected * 0.75) < 0.001)
    }

    @Test func longLabelsWrapInsteadOfBeingCut() {
        let lines = BarChart.wrapped("Q Menselijke gezondheidszorg en maatschappelijke dienstverlening")
        #expect(lines == ["Q Menselijke gezondheidszorg en", "maatschappelijke dienstverlening"])
        #expect(BarChart.wrapped("J Informatie en communicatie") == ["J Informatie en communicatie"])
    }
}

