@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The indicator catalogue (issue 15, first part): each value against a computation by hand on
/// the small register of the cluster tests, with its evidence, and bad parameters named.
struct IndicatorTests {
    typealias API = RelationsAPITests

    private static func value(_ path: String, headers: HTTPHeaders, in app: Application) async throws -> [String: Any] {
        let response = try await API.call(.GET, path, nil, headers: headers, in: app)
        #expect(response.status == .ok, "\(path): \(response.body.string)")
        return try API.object(response)
    }

    @Test func valuesMatchAComputationByHand() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (headers, _) = try await API.token(.accountmanager, in: app)
            // Zwolle 2020: 150 + 60 + 1.050 + 25 jobs in four establishments; 2018: 100 + 40 + 1.000 + 20.
            #expect(try await Self.value("/api/v1/indicators/jobs?area=GM0193&year=2020", headers: headers, in: app)["value"] as? Double == 1_285)
            let jobs2018 = try await Self.value("/api/v1/indicators/jobs?area=GM0193&year=2018", headers: headers, in: app)
            #expect(jobs2018["value"] as? Double == 1_160 && jobs2018["as_of"] as? String == "2018")
            #expect(try await Self.value("/api/v1/indicators/establishments?area=GM0193&year=2020", headers: headers, in: app)["value"] as? Double == 4)
            // ICT & E-commerce: Software Een 150 + Webwinkel Twee 60.
            #expect(try await Self.value("/api/v1/indicators/cluster_jobs?area=GM0193&cluster=ict-ecommerce&year=2020", headers: headers, in: app)["value"] as? Double == 210)

            // Involvement and acquisitions from Relaties, with their records as evidence.
            let company = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Deelnemer BV"}"#, headers: headers, in: app))["id"] as! String
            _ = try await API.call(.POST, "/api/v1/engagements", #"{"date":"\#(CalendarDay.today.text)","kind":"event","clusters":["health"],"organisations":["\#(company)"]}"#,
                                   headers: headers, in: app)
            let involved = try await Self.value("/api/v1/indicators/active_involvement?cluster=health", headers: headers, in: app)
            #expect(involved["value"] as? Double == 1 && (involved["evidence"] as? [[String: Any]])?.first?["id"] as? String == company)
            #expect(try await Self.value("/api/v1/indicators/university_collaboration?cluster=health", headers: headers, in: app)["value"] as? Double == 0)
            for (name, origin) in [("Van Ver BV", "GM0772"), ("Van Dichtbij BV", "GM0166")] {
                let created = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"\#(name)","origin_municipality":"\#(origin)","cluster":"health","stage":"landed","decision_on":"2025-01-15"}"#,
                                                 headers: headers, in: app)
                #expect(created.status == .created || origin == "GM0166", "\(created.body.string)")
            }
            let landed = try await Self.value("/api/v1/indicators/landed_acquisitions?cluster=health&since=2024-01-01", headers: headers, in: app)
            #expect(landed["value"] as? Double == 1 && (landed["evidence"] as? [[String: Any]])?.first?["label"] as? String == "Van Ver BV", "only from outside the region")
            #expect(try await Self.value("/api/v1/indicators/landed_acquisitions?since=2025-02-01", headers: headers, in: app)["value"] as? Double == 0)
            let catalogue = try await API.call(.GET, "/api/v1/indicators", nil, headers: headers, in: app)
            #expect(catalogue.status == .ok && catalogue.body.string.contains("\"fast_growers\""))
        }
    }

    /// Sections, growth, location quotient and the share in large enterprises, by hand on the
    /// cluster tests' register: Zwolle 2020 has J 150 (Software Een), G 60 (Webwinkel Twee),
    /// Q 1.050 (Ziekenhuis Drie) and C 25 (Bakkerij Vier): 1.285 jobs; 2018: 1.160.
    @Test func registerIndicatorsMatchACountByHand() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            _ = try await Importer(database: app.db).importNational(path: try temporaryFile("jaar,sbi_sectie,banen\n2020,J,1000\n2020,G,2000\n2020,Q,3000\n2020,C,4000\n"))
            let (headers, _) = try await API.token(.viewer, in: app)
            let number = { (path: String) async throws -> Double in try #require(try await Self.value(path, headers: headers, in: app)["value"] as? Double) }
            #expect(try await number("/api/v1/indicators/section_jobs?section=j&year=2020") == 150)
            #expect(try await number("/api/v1/indicators/section_jobs?section=Q") == 1_050, "the latest year by default")
            #expect(abs(try await number("/api/v1/indicators/jobs_growth?from=2018&year=2020") - (1_285.0 - 1_160) / 1_160 * 100) < 1e-9)
            #expect(abs(try await number("/api/v1/indicators/jobs_growth?section=Q&from=2018") - (1_050.0 - 1_000) / 1_000 * 100) < 1e-9)
            // ICT & E-commerce: 100 + 40 = 140 in 2018, 210 in 2020.
            #expect(abs(try await number("/api/v1/indicators/jobs_growth?cluster=ict-ecommerce&from=2018") - 50) < 1e-9)
            #expect(abs(try await number("/api/v1/indicators/location_quotient?section=J") - (150.0 / 1_285) / (1_000.0 / 10_000)) < 1e-9)
            // Only Ziekenhuis Drie has 250 jobs or more.
            #expect(abs(try await number("/api/v1/indicators/large_enterprise_share") - 1_050.0 / 1_285 * 100) < 1e-9)
            let refused = try await API.call(.GET, "/api/v1/indicators/location_quotient?section=Z", nil, headers: headers, in: app)
            #expect(refused.status == .badRequest && refused.body.string.contains("section"))
            let early = try await API.call(.GET, "/api/v1/indicators/jobs?date=2017-06-30", nil, headers: headers, in: app)
            #expect(early.status == .badRequest && early.body.string.contains("2017"), "no register year up to that date")
            let onDay = try await Self.value("/api/v1/indicators/jobs?date=2019-12-31", headers: headers, in: app)
            #expect(onDay["as_of"] as? String == "2018" && onDay["value"] as? Double == 1_160, "on a day: the latest register year up to it")
        }
    }

    /// Jobs per 1.000 inhabitants, visit coverage, collaboration with university education and a
    /// cluster's location quotient, by hand on the cluster tests' register.
    @Test func relationsAndPopulationIndicatorsMatchACountByHand() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            _ = try await Importer(database: app.db).importPopulation(path: try temporaryFile("gemeente,jaar,inwoners\nGM0193,2020,128500\n"))
            _ = try await Importer(database: app.db).importNational(path: try temporaryFile(
                "jaar,sbi_sectie,sbi_afdeling,banen\n2020,J,,1000\n2020,G,,2000\n2020,Q,,3000\n2020,C,,4000\n2020,J,62,800\n2020,J,63,200\n2020,G,47,2000\n"))
            let (headers, _) = try await API.token(.adviser, in: app)
            let number = { (path: String) async throws -> Double in try #require(try await Self.value(path, headers: headers, in: app)["value"] as? Double) }
            #expect(abs(try await number("/api/v1/indicators/jobs_per_1000?year=2020") - 1_285.0 / 128_500 * 1_000) < 1e-9)

            // Software Een (150 of the cluster's 210 jobs) is visited: 150 / 210 of the jobs.
            let visited = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Software Een","kvk_number":"00000001"}"#, headers: headers, in: app))["id"] as! String
            let visit = try await API.call(.POST, "/api/v1/contact-moments", #"{"date":"\#(CalendarDay.today.text)","kind":"visit","organisations":["\#(visited)"]}"#, headers: headers, in: app)
            #expect(visit.status == .created, "\(visit.body.string)")
            #expect(abs(try await number("/api/v1/indicators/visit_coverage?cluster=ict-ecommerce") - 150.0 / 210 * 100) < 1e-9)

            // A university of applied sciences and a vocational school both take part in Health: one counts.
            for (name, level) in [("Hogeschool Zuid", "hbo"), ("Vakschool Noord", "mbo")] {
                let school = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"education","name":"\#(name)","education_level":"\#(level)"}"#, headers: headers, in: app))["id"] as! String
                let engaged = try await API.call(.POST, "/api/v1/engagements", #"{"date":"\#(CalendarDay.today.text)","kind":"event","clusters":["health"],"organisations":["\#(school)"]}"#, headers: headers, in: app)
                #expect(engaged.status == .created, "\(engaged.body.string)")
            }
            let university = try await Self.value("/api/v1/indicators/university_collaboration?cluster=health", headers: headers, in: app)
            #expect(university["value"] as? Double == 1 && (university["evidence"] as? [[String: Any]])?.first?["label"] as? String == "Hogeschool Zuid")
            #expect(try await number("/api/v1/indicators/university_collaboration?cluster=growth") == 1)
            #expect(try await number("/api/v1/indicators/active_involvement?cluster=health") == 2)
            #expect(try await number("/api/v1/indicators/university_collaboration?cluster=ict-ecommerce") == 0)

            // A cluster of whole divisions (62 and 63: Software Een's 150 jobs) against the nation's 800 + 200 of the divisions' 3.000.
            let created = try await API.call(.POST, "/api/v1/clusters", #"{"key":"software","name_nl":"Software","name_en":"Software","growth_cluster":false,"sbi_prefixes":["62","63"]}"#,
                                             headers: headers, in: app)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(abs(try await number("/api/v1/indicators/location_quotient?cluster=software") - (150.0 / 1_285) / (1_000.0 / 3_000)) < 1e-9)
            // ICT & E-commerce names 47.91, finer than a division: no quotient, and the reason.
            let finer = try await API.call(.GET, "/api/v1/indicators/location_quotient?cluster=ict-ecommerce", nil, headers: headers, in: app)
            #expect(finer.status == .badRequest && finer.body.string.contains("fijner dan een afdeling"), "\(finer.body.string)")
        }
    }

    /// Open questions and the median time to a first answer on a day; a manual series' latest value.
    @Test func questionsAndManualValuesOnADay() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.adviser, in: app)
            let day = { (text: String) in CalendarDay(text)!.endOfDay.addingTimeInterval(-12 * 3_600) } // noon that day
            // Received on 1, 2 and 3 March; answered after 2 and 6 days; the third still open.
            for (received, answered) in [("2025-03-01", "2025-03-03"), ("2025-03-02", "2025-03-08"), ("2025-03-03", nil)] as [(String, String?)] {
                let question = Question()
                (question.question, question.channel, question.receivedAt) = ("Vraag", .email, day(received))
                question.status = answered == nil ? .new : .answered
                question.firstAnsweredAt = answered.map(day)
                try await question.create(on: app.db)
            }
            #expect(try await Self.value("/api/v1/indicators/open_questions", headers: headers, in: app)["value"] as? Double == 1)
            #expect(try await Self.value("/api/v1/indicators/question_handling_days", headers: headers, in: app)["value"] as? Double == 4, "median of 2 and 6 days")
            let onFifth = try await Self.value("/api/v1/indicators/open_questions?date=2025-03-05", headers: headers, in: app)
            #expect(onFifth["value"] as? Double == 2, "on 5 March the second was not answered yet")
            #expect(try await Self.value("/api/v1/indicators/question_handling_days?date=2025-03-05", headers: headers, in: app)["value"] as? Double == 2)

            for (date, value) in [("2024-06-30", "61"), ("2025-06-30", "64,5")] {
                let added = try await API.call(.POST, "/api/v1/manual-values", #"{"series":"tevredenheid","name":"Tevredenheid ondernemers","unit":"%","date":"\#(date)","value":"\#(value)","source":"Enquête 2025"}"#,
                                               headers: headers, in: app)
                #expect(added.status == .created, "\(added.body.string)")
            }
            let latest = try await Self.value("/api/v1/indicators/manual?series=tevredenheid", headers: headers, in: app)
            #expect(latest["value"] as? Double == 64.5 && latest["as_of"] as? String == "2025-06-30")
            #expect(try await Self.value("/api/v1/indicators/manual?series=tevredenheid&date=2025-01-01", headers: headers, in: app)["value"] as? Double == 61)
            let twice = try await API.call(.POST, "/api/v1/manual-values", #"{"series":"tevredenheid","name":"T","date":"2025-06-30","value":1,"source":"x"}"#, headers: headers, in: app)
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("date"))
            let unknown = try await API.call(.GET, "/api/v1/indicators/manual?series=onbekend", nil, headers: headers, in: app)
            #expect(unknown.status == .badRequest && unknown.body.string.contains("'onbekend' is geen reeks"))
        }
    }

    @Test(arguments: [
        ("/api/v1/indicators/cluster_jobs", 400, "cluster: is verplicht"),
        ("/api/v1/indicators/cluster_jobs?cluster=ruimtevaart", 400, "'ruimtevaart' is geen cluster"),
        ("/api/v1/indicators/jobs?year=1999", 400, "'1999' is geen jaar met registergegevens"),
        ("/api/v1/indicators/fast_growers?definition=snel", 400, "kies oecd of eu2014"),
        ("/api/v1/indicators/jobs?cluster=health", 400, "jobs kent de parameter 'cluster' niet"),
        ("/api/v1/indicators/geluk", 404, "Deze indicator bestaat niet"),
    ])
    func badParametersAreNamed(path: String, status: UInt, message: String) async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (headers, _) = try await API.token(.viewer, in: app)
            let response = try await API.call(.GET, path, nil, headers: headers, in: app)
            #expect(response.status.code == status && response.body.string.contains(message), "\(response.body.string)")
        }
    }
}
