@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Questions from entrepreneurs and the attraction pipeline (issue 6).
struct QuestionsAndAcquisitionsTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    @Test func handlingTimesAreMeasuredFromReceiptToFirstAnswerAndClosing() async throws {
        try await withTestApp { app in
            let questions = QuestionService(database: app.db, actor: .system)
            let users = UserDirectory([])
            let received = try #require(QuestionInput.moment("2025-03-03T09:00"))
            for (days, channel) in [(1.0, "phone"), (3.0, "phone"), (8.0, "email")] {
                let values = try await QuestionInput(question: "Vergunning terras?", channel: channel, receivedAt: "2025-03-03T09:00").validated(on: app.db, users: users)
                let question = try await questions.create(values, now: received)
                var answered = values
                (answered.status, answered.answer) = (.answered, "Zie omgevingsloket")
                try await questions.update(question, with: answered, now: received.addingTimeInterval(days * 86_400))
                var closed = answered
                closed.status = .closed
                try await questions.update(question, with: closed, now: received.addingTimeInterval((days + 1) * 86_400))
            }
            let overview = try await questions.overview()
            let all = try #require(overview.times.first)
            #expect(all.count == 3 && all.medianDaysToAnswer == 3 && all.averageDaysToAnswer == 4 && all.medianDaysToClose == 4)
            #expect(overview.times.first { $0.label == "Telefoon" }?.medianDaysToAnswer == 2)
            #expect(overview.byStatus[.closed] == 3)
            let session = try await app.session(as: .viewer)
            let page = try await Web.get("/relaties/vragen", as: session, in: app).body.string
            #expect(page.contains("Mediaan tot eerste antwoord") && page.contains(">3,0<") && page.contains(">4,0<"))
        }
    }

    @Test func anAnsweredQuestionNeedsAnAnswerAndAKnownChannel() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let response = try await Web.post("/relaties/vragen", ["question": "Subsidie?", "channel": "fax", "status": "answered"], as: session, in: app)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("'fax' kan niet") && response.body.string.contains("een beantwoorde vraag heeft een antwoord"))
            #expect(try await app.count("questions") == 0)
        }
    }

    @Test func aLandedAcquisitionBecomesAnOrganisationAndAConfidentialOneShowsOnlyItsCodename() async throws {
        try await withTestApp { app in
            let (team, member) = try await API.token(.accountmanager, in: app)
            let (outsider, _) = try await API.token(.adviser, in: app)
            // From inside the region is refused.
            let inside = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Buur BV","origin_municipality":"GM0166"}"#, headers: team, in: app)
            #expect(inside.status == .unprocessableEntity && inside.body.string.contains("origin_municipality"))
            let secret = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Chipfabriek Eindhoven","codename":"Project Otter","origin_municipality":"GM0772","cluster":"creative_manufacturing","stage":"proposal","expected_jobs":120,"team":["\#(member.email)"]}"#,
                                            headers: team, in: app)
            #expect(secret.status == .created, "\(secret.body.string)")
            let id = try #require(try API.object(secret)["id"] as? String)
            let seen = try API.object(try await API.call(.GET, "/api/v1/acquisitions/\(id)", headers: outsider, in: app))
            #expect(seen["company_name"] == nil && seen["codename"] as? String == "Project Otter" && seen["stage"] as? String == "proposal")
            #expect(seen["expected_jobs"] == nil && seen["origin_municipality"] == nil && seen["organisation"] == nil, "beyond codename, stage and cluster nothing shows")
            #expect(seen["cluster"] as? String == "creatief-maak", "the former list's value names the cluster it became")
            let unknown = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Ergens BV","origin_municipality":"GM0772","cluster":"ruimtevaart"}"#,
                                             headers: team, in: app)
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("'ruimtevaart' is geen cluster"))
            #expect((try await API.call(.PATCH, "/api/v1/acquisitions/\(id)", #"{"stage":"lost"}"#, headers: outsider, in: app)).status == .forbidden)
            let outsiderSession = try await app.session(as: .adviser)
            let list = try await Web.get("/relaties/acquisitie", as: outsiderSession, in: app).body.string
            #expect(list.contains("Project Otter") && !list.contains("Chipfabriek"))
            #expect((try await Web.get("/relaties/acquisitie/\(id)", as: outsiderSession, in: app)).status == .forbidden)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == "acquisition").all().map(\.changes).joined()
            #expect(!trail.contains("Chipfabriek"), "a confidential name stays out of the trail")

            // While confidential it cannot land: the organisation it becomes is public.
            let early = try await API.call(.PATCH, "/api/v1/acquisitions/\(id)", #"{"stage":"landed"}"#, headers: team, in: app)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("\"name\":\"stage\""))
            #expect(try await Organisation.query(on: app.db).count() == 0)
            // Made public and landed, it becomes the organisation in the city, with where it came from.
            let landed = try API.object(try await API.call(.PATCH, "/api/v1/acquisitions/\(id)", #"{"codename":"","stage":"landed","decision_on":"2025-06-01"}"#, headers: team, in: app))
            let organisationID = try #require((landed["organisation"] as? String).flatMap(UUID.init(uuidString:)))
            let organisation = try #require(try await Organisation.find(organisationID, on: app.db))
            #expect(organisation.name == "Chipfabriek Eindhoven" && organisation.originMunicipality == "GM0772" && organisation.arrivedOn == "2025-06-01")
            #expect(organisation.municipality == "GM0193")
        }
    }
}
