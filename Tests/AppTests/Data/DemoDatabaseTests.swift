@testable import App
import Analysis
import Fluent
import Testing
import Vapor
import VaporTesting

struct DemoDatabaseTests {
    /// The full demo through the database: the home page shows what `Analysis` computes from the
    /// stored register, and a second run adds nothing.
    @Test func demoFillsTheDatabaseOnceAndTheHomePageShowsItsFigures() async throws {
        try await withTestApp { app in
            let outcome = try await DemoData(database: app.db).seed()
            guard case .created(let records) = outcome else {
                Issue.record("expected a new demo, got \(outcome)")
                return
            }
            #expect(try await app.count("register_records") == records)
            #expect(try await Setting.isDemo(on: app.db))
            // Synthetic national jobs per division add up to their section's (up to rounding).
            let store = RegisterStore(app.db)
            let sections = try await store.nationalJobs(year: 2020).jobs, divisions = try await store.nationalDivisionJobs(year: 2020)
            let sectionJ = divisions.filter { Int($0.key).flatMap(SBI.section(ofDivision:)) == "J" }.values.reduce(0, +)
            #expect(divisions.count > 80 && abs(sectionJ - (sections["J"] ?? 0)) <= 6, "\(divisions.count) divisions; J \(sectionJ)")

            let panel = try await RegisterStore(app.db).panel(municipalities: ["GM0193"], years: [2015, 2025])
            let jobs = panel.jobs(in: .municipality("GM0193"), year: 2025)
            let establishments = panel.establishments(in: .municipality("GM0193"), year: 2025)
            // The demo's printed login works, and stays the same on the next start (only the first prints one).
            let password = try #require(try await DemoCommand.demoAdministrator(on: app))
            #expect(try await DemoCommand.demoAdministrator(on: app) == nil)
            let session = try await app.loginThroughForm(email: DemoCommand.demoEmail, password: password)
            try await app.testing().test(.GET, "/", headers: session) { response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.contains("<h1>Stand van Zwolle</h1>"))
                #expect(body.contains("Demodata"))
                #expect(body.contains(Format.integer(jobs)))
                #expect(body.contains(Format.integer(establishments)))
                #expect(body.contains("134.270"), "interpolated population 2025")
                #expect(body.contains("sinds 2015"))
            }

            let before = try await app.count("register_records")
            let runsBefore = try await app.count("import_runs")
            #expect(try await DemoData(database: app.db).seed() == .alreadyDemo)
            #expect(try await app.count("register_records") == before)
            #expect(try await app.count("import_runs") == runsBefore)

            // The relations register of the demo (issue 6): its size, its links to the register, work for the demo login.
            let relations = try #require(try await DemoCommand.seedRelations(on: app))
            #expect((290...320).contains(relations.organisations) && (380...400).contains(relations.people), "\(relations)")
            #expect((1_400...1_500).contains(relations.contactMoments) && relations.acquisitions == 12 && relations.questions > 100)
            #expect(try await DemoCommand.seedRelations(on: app) == nil, "only once")
            // The clusters' work: about 250 engagements; two growth clusters meet the goal of 15 actively involved, one does not.
            #expect(try await Engagement.query(on: app.db).count() == DemoClusters.total)
            let involved = try await ClustersIndex.involved(on: app.db)
            #expect(try await Organisation.query(on: app.db).filter(\.$educationLevel == .wo).count() == 1)
            #expect(involved["ict-ecommerce"]! >= 15 && involved["health"]! >= 15 && involved["creatief-maak"]! < 15, "\(involved)")
            // A network with the named public institutions in their public role, and a dozen fictional companies in the showcase.
            let hip = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Health Innovation Park").first()?.requireID())
            #expect(try await Collaboration.query(on: app.db).group(.or) { $0.filter(\.$first.$id == hip).filter(\.$second.$id == hip) }.count() >= 3)
            #expect(try await Collaboration.query(on: app.db).count() > 50)
            let shown = try await Organisation.query(on: app.db).filter(\.$showcaseSince != nil).all()
            let named = Set(DemoRelations.publicOrganisations.map(\.name))
            #expect(shown.count == 12 && shown.allSatisfy { $0.kind == .company && !named.contains($0.name) && $0.website != nil && $0.showcaseDescription != nil })
            #expect(try await Acquisition.query(on: app.db).filter(\.$cluster.$id == nil).count() == 0, "every acquisition names its cluster")
            #expect(try await Acquisition.query(on: app.db).filter(\.$stage == .landed).filter(\.$organisation.$id != nil).count() == 4)
            let isala = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Isala").first())
            #expect(isala.kvkNumber != nil, "linked to the register")
            let pairs = try await OrganisationService(database: app.db, actor: .system).duplicates()
            #expect(pairs.count >= 3)
            let tasks = try await FollowUpService(database: app.db, actor: .system).open(of: try #require(try await User.query(on: app.db).filter(\.$email == DemoCommand.demoEmail).first()?.requireID()))
            #expect(tasks.contains { $0.dueOn < CalendarDay.today.text }, "an overdue task for the demo login")
            // Dated relative to today: contact in the last month, open questions, an acquisition past its decision date.
            let lastMonth = CalendarDay.today.monthsEarlier(1).text
            #expect(try await ContactMoment.query(on: app.db).filter(\.$date >= lastMonth).count() > 10, "recent contact moments")
            #expect(try await ContactMoment.query(on: app.db).filter(\.$date > CalendarDay.today.text).count() == 0, "none in the future")
            #expect(try await Question.query(on: app.db).filter(\.$status == .new).count() > 0, "some open questions")
            let visible = try await AcquisitionService(database: app.db, actor: .system, area: DemoProfile.zwolle)
                .visible(try await Acquisition.query(on: app.db).all(), to: nil)
            #expect(visible.filter { $0.isOverdue(on: .today) }.count == 1 && visible.contains { ($0.decisionOn ?? "") > CalendarDay.today.text })
            try await app.testing().test(.GET, "/relaties/organisaties/\(try isala.requireID())", headers: session) { response in
                #expect(response.body.string.contains("In het register") && response.body.string.contains("Banen per jaar"))
            }
            // The programme: fifteen projects, each scored by three assessors on every criterion, a driver team and four meetings.
            #expect(try await Project.query(on: app.db).count() == DemoProgramme.plans.count)
            #expect(try await ProjectScore.query(on: app.db).count() == DemoProgramme.plans.count * 3 * Criterion.allCases.count)
            #expect(try await DriverTeamMember.query(on: app.db).count() >= 5)
            #expect(try await Meeting.query(on: app.db).count() == 4)
            #expect(try await Decision.query(on: app.db).count() == 8)
            let ranking = try await ProgrammeRanking.load(weights: .equal, on: app.db)
            #expect(ranking.candidates.count == DemoProgramme.plans.count - 2, "all but the done and the stopped project are ranked")
            #expect(!ranking.disagreements().isEmpty, "the two methods differ somewhere, so the page has something to say")
            #expect(try ranking.selection(budget: 3_000_000, method: .wsm).chosen.count >= 4)
            try await app.testing().test(.GET, "/programma/rangorde", headers: session) { response in
                #expect(response.status == .ok && response.body.string.contains("Innovatiedistrict Spoorzone") && response.body.string.contains("Demodata"))
            }
            // Futures: every option scored in every scenario by three assessors; the strategy's
            // conclusion follows from the scores; one signpost is triggered by the demo data.
            let matrix = try await RobustnessMatrix.load(on: app.db)
            #expect(try await RobustnessScore.query(on: app.db).count() == 3 * 4 * 3)
            #expect(matrix.summary()?.mostRobust.map { matrix.options[$0].key } == ["stedelijke-economie"])
            let signposts = try await Signpost.query(on: app.db).all()
            #expect(signposts.count == 6)
            #expect(signposts.filter { $0.status == .triggered }.count == 1, "\(signposts.map { "\($0.name): \($0.status?.rawValue ?? $0.problem ?? "-")" })")
            #expect(try await SignpostWatch.openAlerts(on: app.db).count == 1)
            try await app.testing().test(.GET, "/", headers: session) { response in
                #expect(response.body.string.contains("Signalen die hun drempel bereikten"))
            }
            // Backup and restore (issue 19): every row of the demo comes back (the restored
            // figures are then the same by construction; BackupTests checks that caches are told).
            let (made, _) = try await app.expectBackupRoundTrip()
            #expect(made.manifest.tables["register_records"] == records)
        }
    }

    @Test func demoLeavesAnImportedRegisterAlone() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ImportTests.good))
            #expect(try await DemoData(database: app.db).seed() == .hasOtherData)
            #expect(try await app.count("register_records") == 3)
            #expect(try await Setting.isDemo(on: app.db) == false)
        }
    }
}
