@testable import Analysis
@testable import App
import Foundation
import SnapshotTesting
import Testing

/// Every view rendered from a small hand-made model, compared with the HTML recorded in
/// `__Snapshots__` (one tag per line, so that a change to a page is a readable diff). A missing
/// snapshot is recorded and the test fails once; after a deliberate change to a page, delete its
/// file (or run with `SNAPSHOT_TESTING_RECORD=failed`) and look at the diff before committing.
@Suite
struct PageSnapshotTests {
    static let viewer = Layout.Viewer(name: "Anna de Vries", role: .adviser, csrfToken: "csrf-token", home: "Zwolle", seesDemo: true)
    static let id = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let other = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    static let third = UUID(uuidString: "00000000-0000-0000-0000-000000000003")!
    static let ict = Named.Keyed(key: "ict-ecommerce", name: "ICT & E-commerce")
    static let making = Named.Keyed(key: "creatief-maak", name: "Creatieve en slimme (maak-)industrie")
    static let selection = MonitorSelection(area: "GM0193", name: "Zwolle", municipalities: ["GM0193"], from: 2015, to: 2020, years: [2015, 2018, 2020],
                                            choices: [.init(value: "regio-zwolle", name: "Regio Zwolle", municipalities: 22), .init(value: "GM0193", name: "Zwolle")])
    static let problems = [FieldProblem(field: "name", reason: "is verplicht")]

    /// One tag per line.
    private func check(_ html: String, _ name: String, fileID: StaticString = #fileID, file: StaticString = #filePath,
                       testName: String = #function, line: UInt = #line, column: UInt = #column) {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        assertSnapshot(of: html.replacingOccurrences(of: "><", with: ">\n<"), as: .lines, named: name,
                       fileID: fileID, file: file, testName: testName, line: line, column: column)
    }

    @Test func economyPages() {
        check(Home.View(model: .init(area: "GM0193", municipalityName: "Zwolle", isDemo: true,
                                     latest: KeyFigures(year: 2020, jobs: 100_290, establishments: 12_241, inhabitants: 130_592),
                                     base: KeyFigures(year: 2010, jobs: 91_000, establishments: 9_800, inhabitants: 122_000), populationSource: "CBS"),
                        viewer: Self.viewer).render(), "home")
        check(Overview.View(model: .init(selection: Self.selection, years: [
            .init(year: 2015, jobs: 95_000, establishments: 11_000, inhabitants: 125_000, fastGrowers: nil),
            .init(year: 2020, jobs: 100_290, establishments: 12_241, inhabitants: 130_592, fastGrowers: 24),
        ], isDemo: true), viewer: Self.viewer).render(), "overview")
        let rows: [Sectors.Row] = [
            .init(code: "J", label: Bilingual(dutch: "Informatie en communicatie", english: "Information and communication"), jobsFrom: 5_000, jobsTo: 6_200,
                  establishmentsFrom: 700, establishmentsTo: 820),
            .init(code: "Q", label: Bilingual(dutch: "Gezondheids- en welzijnszorg", english: "Human health and social work"), jobsFrom: 20_000, jobsTo: 19_500,
                  establishmentsFrom: 900, establishmentsTo: 950),
        ]
        check(Sectors.View(model: .init(selection: Self.selection, section: nil, sectionLabel: nil, rows: rows, isDemo: true), viewer: Self.viewer).render(), "sectors")
        let components = ShiftShare.Components(nationalShare: 300, industryMix: 150, regionalShift: -50)
        check(SpecialisationPage.View(model: .init(
            selection: Self.selection,
            rows: [.init(code: "J", label: rows[0].label, jobsFrom: 5_000, jobsTo: 6_200, quotient: 1.32, shift: components),
                   .init(code: "Q", label: rows[1].label, jobsFrom: 20_000, jobsTo: 19_500, quotient: 0.94, shift: nil)],
            section: nil, divisions: [], hoover: 0.12, krugman: 0.25, total: components, nationalSource: "CBS", isDemo: true), viewer: Self.viewer).render(),
              "specialisation")
        check(FastGrowers.View(model: .init(
            selection: Self.selection.with(from: 2017, to: 2020), definition: .oecd,
            trend: [.init(year: 2019, highGrowth: 20, gazelles: 4), .init(year: 2020, highGrowth: 24, gazelles: 5)],
            firms: [.init(kvk: "12345678", name: "Software Een", born: 2016, jobsStart: 10, jobsEnd: 30, isGazelle: true, birchSchreyer: 40)], isDemo: true),
                               viewer: Self.viewer).render(), "fast-growers")
        check(FirmSize.View(model: .init(selection: Self.selection.with(from: 2020, to: 2020), unit: .enterprise,
                                         rows: [.init(sizeClass: .one, units: 9_000, jobs: 9_000), .init(sizeClass: .twoFiftyPlus, units: 40, jobs: 30_000)],
                                         largeShare: 0.3, isDemo: true), viewer: Self.viewer).render(), "firm-size")
        let zwolle = RegionPage.Row(code: "GM0193", name: Bilingual(dutch: "Zwolle", english: "Zwolle"), jobsFrom: 95_000, jobsTo: 100_290, fastGrowers: 24, inhabitants: 130_592)
        let kampen = RegionPage.Row(code: "GM0166", name: Bilingual(dutch: "Kampen", english: "Kampen"), jobsFrom: 20_000, jobsTo: 21_000, fastGrowers: 3, inhabitants: 54_000)
        check(RegionPage.View(model: .init(
            selection: Self.selection, from: 2015, to: 2020, city: zwolle,
            rest: .init(code: "rest", name: Bilingual(dutch: "Rest van Regio Zwolle", english: "Rest of Regio Zwolle"), jobsFrom: 20_000, jobsTo: 21_000, fastGrowers: 3, inhabitants: 54_000),
            region: .init(code: "regio-zwolle", name: Bilingual(dutch: "Regio Zwolle", english: "Regio Zwolle"), jobsFrom: 115_000, jobsTo: 121_290, fastGrowers: 27, inhabitants: 184_592),
            nation: nil, municipalities: [kampen, zwolle], jobsByPostcodeArea: ["8011": 20_000], hasMap: true, years: [2015, 2020], isDemo: true), viewer: Self.viewer).render(), "region")
        check(EstablishmentsIndex.View(model: .init(
            filter: .init(area: "GM0193", year: 2020, sbi: ["62", "4791"]), areaName: "Zwolle", order: .banen, page: 1, total: 1, jobs: 180,
            rows: [.init(id: "000000000001", kvk: "00000001", name: "Software Een", sbi: "62.01", municipality: "GM0193", postcode: "8011AB", establishments: 1, jobs: 180)],
            isDemo: true, organisations: ["000000000001": Self.id], municipalityNames: ["GM0193": "Zwolle"], areas: Self.selection.choices, years: [2019, 2020]),
            viewer: Self.viewer).render(), "establishments")
        check(EnterprisePage.View(model: .init(
            kvk: "00000001", name: "Software Een", sbi: "62.01", sbiLabel: Bilingual(dutch: "Ontwikkelen van software", english: "Software development"),
            founded: 2016, history: [.init(year: 2017, establishments: 1, jobs: 10), .init(year: 2020, establishments: 2, jobs: 30)],
            establishments: [.init(number: "000000000001", kvk: "00000001", name: "Software Een", sbi: "62.01", municipality: "Zwolle", postcode: "8011AB", jobs: 25),
                             .init(number: "000000000009", kvk: "00000001", name: "Software Een Kampen", sbi: "62.01", municipality: "Kampen", postcode: "8261AB", jobs: 5)],
            growth: .init(from: 2017, to: 2020, isGazelle: true), organisation: nil, mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "enterprise")
    }

    /// Issue 20: business demography, the comparison with all municipalities, the ecosystem and places.
    @Test func economyDepthPages() {
        let years: [BusinessDemography.Year] = [
            .init(year: 2019, stock: 11_333, births: 979, otherEntries: 0, returns: 2, arrivals: 5, departures: 4, closures: 613),
            .init(year: 2020, stock: 11_708, births: 988, otherEntries: 1, returns: 0, arrivals: 3, departures: 6, closures: nil),
        ]
        let cohorts: [BusinessDemography.Cohort] = [
            .init(year: 2019, births: 979, survivors: [1: 915, 2: 867, 3: nil, 5: nil]),
            .init(year: 2020, births: 988, survivors: [1: 929, 2: nil, 3: nil, 5: nil]),
        ]
        check(Demography.View(model: .init(
            selection: Self.selection.with(from: 2019, to: 2020), unit: .enterprise, scope: .cluster(key: "ict-ecommerce", name: "ICT & E-commerce"),
            years: years, cohorts: cohorts,
            clusters: [.init(key: "ict-ecommerce", name: "ICT & E-commerce", birthsInYear: 124, birthsInPeriod: 240, survivedThreeYears: 0, cohortsThreeYears: 0)],
            birthCount: 2, births: [.init(id: "60115011", kvk: "60115011", name: "Recycling Berkum B.V.", sbi: "38.11", founded: 2020, jobs: 69, isPresent: true)],
            lastYear: 2021, sections: [.init(key: "J", name: "Informatie en communicatie")], clusterChoices: [Self.ict], isDemo: true),
                              viewer: Self.viewer).render(), "demography")
        let figures = { (jobs: Int, inhabitants: Int) in KeyFigures(year: 2020, jobs: jobs, establishments: jobs / 8, inhabitants: inhabitants) }
        check(Benchmark.View(model: .init(
            query: .init(area: "GM0193", group: .chosen, year: 2020, chosen: ["GM0772", "GM0344"]), areaName: "Zwolle", year: 2020, base: 2015, years: [2015, 2020],
            rows: [.init(code: "GM0772", name: "Eindhoven", value: 905, rank: 1, figures: figures(223_000, 246_417)),
                   .init(code: "GM0193", name: "Zwolle", value: 779.7, rank: 2, figures: figures(100_290, 128_626)),
                   .init(code: "GM0344", name: "Utrecht", value: 693.2, rank: 3, figures: figures(255_000, 367_000))],
            trend: [.init(year: 2015, value: 768.3, rank: 2, of: 3), .init(year: 2020, value: 779.7, rank: 2, of: 3)],
            chosenTrend: [(code: "GM0193", name: "Zwolle", values: [2015: 768.3, 2020: 779.7]), (code: "GM0772", name: "Eindhoven", values: [2020: 905])],
            registerChecks: [.init(code: "GM0193", name: "Zwolle", published: figures(100_290, 128_626), registerJobs: 100_097, registerEstablishments: 12_241)],
            withoutValue: 0, isDemo: true), viewer: Self.viewer).render(), "benchmark")
        let elements = Dictionary(uniqueKeysWithValues: EcosystemIndex.Element.Name.allCases.map { ($0, [.leadership, .networks, .newKnowledge].contains($0) ? 0.7 : 1.05) })
        check(Ecosystem.View(model: .init(
            region: "CR10", regionName: "Noord-Overijssel", year: 2020, years: [2019, 2020],
            regions: [.init(code: "CR10", elements: elements, additive: 9.43, multiplicative: 0.48, additiveRank: 32, multiplicativeRank: 30)],
            names: ["CR10": "Noord-Overijssel", "CR12": "Twente"],
            trend: [.init(year: 2019, additiveRank: 31, multiplicativeRank: 29, of: 40), .init(year: 2020, additiveRank: 32, multiplicativeRank: 30, of: 40)], isDemo: true),
                             viewer: Self.viewer).render(), "ecosystem")
        let latest = PlaceFigures.Year(year: 2020, jobs: 4_200, establishments: 510, births: 40, fastGrowers: 2, clusterMembers: 120)
        check(PlacesIndex.View(model: .init(
            municipalityName: "Zwolle", rows: [.init(key: "spoorzone", name: "Spoorzone", postcodes: ["8011", "8017"], latest: latest)],
            municipality: PlaceFigures.Year(year: 2020, jobs: 100_097, establishments: 12_241, births: 988, fastGrowers: 20, clusterMembers: 2_400),
            mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "places")
        check(PlacePage.View(model: .init(
            key: "spoorzone", name: "Spoorzone", postcodes: ["8011", "8017AB"], note: "Aangenomen: het stationsgebied.", municipality: "GM0193", municipalityName: "Zwolle",
            figures: .init(years: [PlaceFigures.Year(year: 2019, jobs: 4_000, establishments: 500, births: nil, fastGrowers: nil, clusterMembers: 110), latest],
                           clusters: [.init(key: "ict-ecommerce", name: "ICT & E-commerce", establishments: 60, jobs: 700)], jobsByPostcodeArea: ["8011": 3_000, "8017": 1_200]),
            mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "place")
        check(PlaceForm.View(model: .init(key: "spoorzone", input: PlaceInput(key: "spoorzone", name: "", postcodes: "8011 8017"), problems: Self.problems,
                                          municipalityName: "Zwolle", areas: ["8011", "8017"]), viewer: Self.viewer).render(), "place-form")
    }

    @Test func organisationsAndPeople() {
        check(OrganisationsIndex.View(model: .init(
            filter: .init(text: "soft"), rows: [.init(id: Self.id, name: "Software Een BV", kind: .company, kvk: "00000001", postcode: "8011AB",
                                                  municipality: "GM0193", sbi: "62.01", accountManager: "Anna de Vries", tags: ["ict"])],
            total: 1, managers: [.init(value: Self.other.uuidString, label: "Anna de Vries")], municipalityNames: ["GM0193": "Zwolle"], mayEdit: true, isDemo: true),
                                      viewer: Self.viewer).render(), "organisations")
        var input = OrganisationInput(kind: "company", name: "Software Een BV")
        input.kvkNumber = "00000001"
        input.municipality = "GM0193"
        input.tags = ["ict"]
        check(OrganisationPage.View(model: .init(
            id: Self.id, input: input, kind: .company, accountManager: "Anna de Vries", municipalityNames: ["GM0193": "Zwolle"],
            sbiLabel: Bilingual(dutch: "Ontwikkelen van software", english: "Software development"),
            history: [.init(year: 2019, establishments: 1, jobs: 10), .init(year: 2020, establishments: 1, jobs: 18)],
            establishments: [.init(number: "000000000001", kvk: "00000001", name: "Software Een", sbi: "62.01", municipality: "Zwolle", postcode: "8011AB", jobs: 18)],
            highGrowth: .init(from: 10, to: 18, isGazelle: true),
            people: [.init(id: Self.other, name: "Piet Jansen", title: "Directeur", from: "2020-01-01", to: nil)],
            contacts: [.init(id: Self.other, date: "2025-03-01", kind: .visit, notes: "Groeiplannen besproken")],
            followUps: [.init(description: "Offerte sturen", owner: "Anna de Vries", dueOn: "2025-04-01", status: .open)],
            showcase: .init(since: "2025-02-01", recordedBy: "Anna de Vries", description: "Bakt brood voor de hele Spoorzone."),
            activity: [.init(date: "2025-04-01", kind: .followUp(.open), text: "Anna de Vries: Offerte sturen", link: nil),
                       .init(date: "2025-03-01", kind: .contact(.visit), text: "Groeiplannen besproken", link: "/relaties/contactmomenten/\(Self.other)")],
            mayEdit: true, isDemo: true),
                                    viewer: Self.viewer).render(), "organisation")
        check(OrganisationForm.View(model: .init(id: nil, input: OrganisationInput(kind: "company"), problems: Self.problems,
                                                 managers: [(Self.other, "Anna de Vries")], municipalities: [("GM0193", "Zwolle")]), viewer: Self.viewer).render(),
              "organisation-form")
        check(DuplicatesPage.View(model: .init(duplicates: [], message: "Samengevoegd in Software Een BV.", mayEdit: true), viewer: Self.viewer).render(), "duplicates")
        check(PeopleIndex.View(model: .init(filter: .init(text: "piet"), rows: [.init(id: Self.other, name: "Piet Jansen", email: "piet@example.org", organisations: [Named(id: Self.id, name: "Software Een BV")])],
                                            total: 1, mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "people")
        let person = PersonInput(name: "Piet Jansen", email: "piet@example.org", phone: "038 123 4567", lawfulBasis: "legitimate_interest", notes: nil, consents: ["newsletter"])
        check(PersonPage.View(model: .init(
            id: Self.other, input: person, lawfulBasis: .legitimateInterest,
            roles: [.init(id: Self.id, organisationID: Self.id, organisation: "Software Een BV", title: "Directeur", from: "2020-01-01", to: nil)],
            consentHistory: [.init(purpose: .newsletter, given: true, at: Date(timeIntervalSince1970: 1_700_000_000))],
            contacts: [.init(id: Self.id, date: "2025-03-01", kind: .visit, notes: nil)], newRole: AffiliationInput(),
            organisationPicker: .init(search: "soft", found: [.init(id: Self.id.uuidString, label: "Software Een BV")]), problems: [],
            mayEdit: true, mayReadContactDetails: true, mayManagePersonalData: false), viewer: Self.viewer).render(), "person")
        check(PersonForm.View(model: .init(id: nil, input: PersonInput(), problems: Self.problems), viewer: Self.viewer).render(), "person-form")
        check(PeopleReview.View(model: .init(years: 3, people: [(Self.other, "Piet Jansen", "2021-05-01")]), viewer: Self.viewer).render(), "people-review")
    }

    @Test func contactQuestionsAcquisitionsAndWatchlist() {
        check(ContactMomentsIndex.View(model: .init(filter: .init(), rows: [.init(id: Self.id, date: "2025-03-01", kind: .visit, organisations: [Named(id: Self.id, name: "Software Een BV")],
                                                                    people: [Named(id: Self.other, name: "Piet Jansen")], erasedPeople: 1, topics: ["groei"])],
                                                    total: 1, mayEdit: true, users: [Named(id: Self.other, name: "Anna de Vries")], topics: [Named(id: Self.id, name: "groei")]),
                                       viewer: Self.viewer).render(), "contact-moments")
        check(ContactMomentForm.View(model: .init(id: nil, input: ContactMomentInput(date: "2025-03-01", kind: "visit"), problems: Self.problems,
                                                  organisations: .init(chosen: [.init(id: Self.id.uuidString, label: "Software Een BV")]),
                                                  people: .init(chosen: [], search: "piet", found: [.init(id: Self.other.uuidString, label: "Piet Jansen (Software Een BV)")]),
                                                  accountManagers: .init(chosen: [.init(id: Self.other.uuidString, label: "Anna de Vries")]),
                                                  topics: .init(chosen: [.init(id: Self.id.uuidString, label: "groei")]),
                                                  users: [(Self.other.uuidString, "Anna de Vries")]), viewer: Self.viewer).render(),
              "contact-moment-form")
        check(MyTasks.View(model: .init(rows: [.init(id: Self.id, description: "Offerte sturen", dueOn: "2025-04-01", organisation: (Self.id, "Software Een BV"))],
                                        today: CalendarDay("2025-05-01")!, users: [Named(id: Self.other, name: "Anna de Vries")], owner: Self.other),
                           viewer: Self.viewer).render(), "my-tasks")
        check(TopicsPage.View(model: .init(topics: [(Self.id, "groei"), (Self.other, "personeel")], problems: [], mayEdit: true), viewer: Self.viewer).render(), "topics")
        check(QuestionsIndex.View(model: .init(
            overview: .init(byStatus: [.new: 1, .answered: 2], times: [.init(label: "Telefoon", count: 3, medianDaysToAnswer: 2, averageDaysToAnswer: 2.5, medianDaysToClose: 6)]),
            rows: [.init(id: Self.id, question: "Is er ruimte op Hessenpoort?", channel: .phone, status: .new, receivedAt: Date(timeIntervalSince1970: 1_740_000_000),
                         routedTo: "Ruimte", organisation: Named(id: Self.id, name: "Software Een BV"), assignee: "Anna de Vries")], filter: .init(), total: 1, mayEdit: true),
                                  viewer: Self.viewer).render(), "questions")
        check(QuestionForm.View(model: .init(id: nil, input: QuestionInput(question: "Ruimte?", channel: "phone"), problems: [],
                                             organisation: .init(chosen: [.init(id: Self.id.uuidString, label: "Software Een BV")]),
                                             users: [(Self.other.uuidString, "Anna de Vries")]),
                                viewer: Self.viewer).render(), "question-form")
        let acquisitions: [AcquisitionService.Visible] = [
            .init(id: Self.id, name: "Project Otter", codename: "Project Otter", mayOpen: false, companyName: nil, originMunicipality: nil, cluster: Self.ict, stage: .proposal,
                  expectedJobs: nil, expectedInvestment: nil, decisionOn: nil, notes: nil, organisation: nil, team: nil),
            .init(id: Self.other, name: "Chipfabriek BV", codename: nil, mayOpen: true, companyName: "Chipfabriek BV", originMunicipality: "GM0772",
                  cluster: Self.making, stage: .landed, expectedJobs: 120, expectedInvestment: 5_000_000, decisionOn: "2025-06-01", notes: nil,
                  organisation: Self.id, team: []),
            .init(id: Self.third, name: "Drukkerij Noord", codename: nil, mayOpen: true, companyName: "Drukkerij Noord", originMunicipality: nil,
                  cluster: Self.making, stage: .decision, expectedJobs: 30, expectedInvestment: nil, decisionOn: "2025-04-15", notes: nil,
                  organisation: nil, team: []),
        ]
        check(AcquisitionsIndex.View(model: .init(all: acquisitions, rows: acquisitions, total: 3, filter: .init(), today: CalendarDay("2025-05-01")!,
                                                  municipalityNames: ["GM0772": "Eindhoven"], clusters: [Self.ict, Self.making], mayEdit: true), viewer: Self.viewer).render(), "acquisitions")
        var board = AcquisitionsIndex.Filter()
        board.display = .board
        check(AcquisitionsIndex.View(model: .init(all: acquisitions, rows: acquisitions, total: 3, filter: board, today: CalendarDay("2025-05-01")!,
                                                  municipalityNames: ["GM0772": "Eindhoven"], clusters: [Self.ict, Self.making], mayEdit: true), viewer: Self.viewer).render(), "acquisitions-board")
        check(AcquisitionForm.View(model: .init(id: nil, input: AcquisitionInput(), problems: [], municipalities: [("GM0772", "Eindhoven")],
                                                users: [(Self.other.uuidString, "Anna de Vries")], clusters: [Self.ict, Self.making]), viewer: Self.viewer).render(),
              "acquisition-form")
        check(WatchlistPage.View(model: .init(year: 2020, months: 12, entries: [
            .init(kvk: "00000001", organisation: Self.id, name: "Software Een BV", jobs: 180, isHighGrowth: true, rank: 12, lastContact: nil),
            .init(kvk: "00000002", organisation: nil, name: "Zorg Twee", jobs: 250, isHighGrowth: false, rank: 8, lastContact: "2023-01-15"),
        ], mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "watchlist")
    }

    /// A goal per growth cluster measured by hand: Health met, ICT at risk.
    static var goal: GoalEvaluation {
        let progress = GoalProgress(baseline: 0, baselineDate: CalendarDay("2021-01-01")!, target: 15, deadline: CalendarDay("2026-12-31")!, direction: .increase)
        let day = CalendarDay("2025-12-31")!
        let evidence = [IndicatorValue.Evidence(id: Self.id.uuidString, label: "Software Een BV", link: SiteURL.organisation.path(Self.id))]
        return GoalEvaluation(goalID: Self.id, key: "actieve-betrokkenheid", title: "15 actief betrokken organisaties per groeicluster",
                              indicator: Indicator.find("active_involvement")!, parameters: [:], perGrowthCluster: true, progress: progress, day: day,
                              expected: progress.expected(on: day), rows: [
                                  .init(key: "health", label: "Health", parameters: [.cluster: "health"], value: .init(value: 16, asOf: day.text, evidence: evidence),
                                        problem: nil, status: .met),
                                  .init(key: "ict-ecommerce", label: "ICT & E-commerce", parameters: [.cluster: "ict-ecommerce"],
                                        value: .init(value: 11, asOf: day.text, evidence: evidence), problem: nil, status: progress.status(of: 11, on: day)),
                              ])
    }

    @Test func goalPages() {
        let frozen = [GoalSnapshots.Frozen(date: "2024-12-31", takenAt: Date(timeIntervalSince1970: 1_735_640_000), goals: 4)]
        check(GoalsIndex.View(model: .init(today: CalendarDay("2025-12-31")!, goals: [Self.goal], frozen: frozen, mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "goals")
        check(GoalPage.View(model: .init(evaluation: Self.goal, notes: "Economisch Perspectief: 15 per groeicluster.",
                                         history: [.init(date: CalendarDay("2024-12-31")!, value: 9, status: .atRisk)], mayEdit: true, isDemo: true),
                            viewer: Self.viewer).render(), "goal")
        check(GoalForm.View(model: .init(key: "banen", input: GoalInput(key: "banen", titleNL: "Banen", titleEN: "Jobs", indicator: "jobs", baselineValue: "100",
                                                                        baselineDate: "2020-12-31", target: "90", deadline: "2030-12-31", direction: "increase"),
                                         problems: [FieldProblem(field: "target", reason: "een doel om te verhogen heeft een streefwaarde boven de beginwaarde (100)")],
                                         clusterKeys: ["health", "ict-ecommerce"]), viewer: Self.viewer).render(), "goal-form")
        check(GoalSnapshotPage.View(model: .init(date: CalendarDay("2024-12-31")!, measurements: [
            .init(goalKey: "actieve-betrokkenheid", title: "15 actief betrokken organisaties per groeicluster", rowLabel: nil, value: 9, asOf: "2024-12-31",
                  problem: nil, expected: 11.2, status: .atRisk, evidence: 9, importRuns: "register:\(Self.id.uuidString)"),
            .init(goalKey: "actieve-betrokkenheid", title: "15 actief betrokken organisaties per groeicluster", rowLabel: "Health", value: 12, asOf: "2024-12-31",
                  problem: nil, expected: 11.2, status: .onTrack, evidence: 12, importRuns: "register:\(Self.id.uuidString)"),
        ], isDemo: true), viewer: Self.viewer).render(), "goal-snapshot")
        check(ManualValuesIndex.View(model: .init(rows: [.init(id: Self.id, series: "tevredenheid", name: "Tevredenheid ondernemers", unit: "%", date: "2025-06-30",
                                                               value: 64.5, source: "=Enquête 2025")], series: nil, mayEdit: true), viewer: Self.viewer).render(), "manual-values")
        check(Home.View(model: .init(area: "GM0193", municipalityName: "Zwolle", isDemo: true, latest: KeyFigures(year: 2020, jobs: 100_290, establishments: 12_241, inhabitants: 130_592),
                                     base: nil, populationSource: "CBS"), viewer: Self.viewer, goals: [Self.goal]).render(), "home-with-goals")
    }

    @Test func programmePages() {
        let candidates = [
            ProgrammeRanking.Candidate(id: Self.id, name: "Innovatiedistrict Spoorzone", phase: .decision, municipalShare: 1_600_000, mustInclude: false, medians: [5, 5, 3, 3, 5]),
            ProgrammeRanking.Candidate(id: Self.other, name: "Health Innovation Park", phase: .running, municipalShare: 700_000, mustInclude: false, medians: [4, 4, 4, 5, 4]),
            ProgrammeRanking.Candidate(id: Self.third, name: "Kenniscentrum E-commerce", phase: .assessment, municipalShare: 450_000, mustInclude: true, medians: [4, 3, 4, 4, 4]),
        ]
        let ranking = ProgrammeRanking(candidates: candidates, left: [.init(id: Self.id, name: "Scale-up Academy", reason: "nog geen score op Impact")], weights: .equal)
        check(RankingPage.View(model: .init(ranking: ranking, saved: .equal, isTrial: false, mayEdit: true,
                                            weightFields: Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, "0.2") }), reason: nil), viewer: Self.viewer).render(), "ranking")
        let selection = try! ranking.selection(budget: 2_000_000, method: .wsm)
        check(SelectionPage.View(model: .init(budget: "2000000", method: .wsm, selection: selection, left: ranking.left), viewer: Self.viewer).render(), "selection")
        check(ProjectsIndex.View(model: .init(filter: .init(phase: .decision), rows: [
            .init(id: Self.id, name: "Innovatiedistrict Spoorzone", phase: .decision, phaseSince: "2026-09-01", lead: "Gemeente Zwolle", leadPerson: "Piet Jansen",
                  clusters: ["Health", "ICT & E-commerce"], goals: [], budgetTotal: 4_800_000, budgetMunicipal: 1_600_000, fundingSources: "=gemeente", startsOn: nil,
                  endsOn: "2028-12-31", mustInclude: true, nextMilestone: ("Projectplan rond", "2027-03-01")),
        ], clusters: [("health", "Health")], goals: [("snelle-groeiers", "Snelle groeiers")], mayEdit: true), viewer: Self.viewer).render(), "projects")
        let details = ProjectService.Details(
            id: Self.id, name: "Innovatiedistrict Spoorzone", description: "Een plek bij het station.", leadOrganisation: Named(id: Self.other, name: "Gemeente Zwolle"),
            leadPerson: Named(id: Self.third, name: "Piet Jansen"), place: .init(key: "spoorzone", name: "Spoorzone"), budgetTotal: 4_800_000, budgetMunicipal: 1_600_000,
            fundingSources: "Gemeente, provincie", phase: .decision, phaseSince: "2026-09-01", phases: [(.idea, "2025-01-01"), (.decision, "2026-09-01")],
            startsOn: "2027-01-01", endsOn: "2028-12-31", mustInclude: false, partners: [Named(id: Self.other, name: "Hogeschool Windesheim")], clusters: [Self.ict],
            goals: [.init(key: "actieve-betrokkenheid", name: "15 actief betrokken organisaties")],
            milestones: [.init(id: Self.id, what: "Projectplan rond", dueOn: "2027-03-01", doneOn: nil)],
            decisions: [.init(id: Self.other, date: "2026-10-01", decision: "Door naar besluitvorming", decidedBy: "Aanjaagteam", reasoning: "Hoge impact", project: nil)],
            decisionMeetings: [Self.other: Self.third],
            scores: [.init(criterion: .impact, score: 5, rationale: "Versterkt het profiel", assessorKey: "user:x", assessorName: "Anna de Vries", scoredOn: "2026-10-01"),
                     .init(criterion: .impact, score: 2, rationale: "Onzeker", assessorKey: "person:y", assessorName: "Piet Jansen", scoredOn: "2026-10-01")],
            summaries: [.impact: ProgrammeScores.Summary([5, 2])!])
        check(ProjectPage.View(model: .init(details: details, ranks: [.wsm: 1, .topsis: 2], notRanked: nil, mayEdit: true, today: CalendarDay("2026-12-03")!),
                               viewer: Self.viewer).render(), "project")
        check(MeetingPage.View(model: .init(
            details: .init(id: Self.id, date: "2026-11-01", title: "Aanjaagteam 4", location: "Stadhuis", minutes: "Eerste alinea.\n\nTweede alinea.",
                           attendees: [Named(id: Self.third, name: "Piet Jansen")],
                           agenda: [.init(title: "Voortgang", subject: ("Innovatiedistrict Spoorzone", "/programma/projecten/\(Self.id)"), project: Self.id, goalKey: nil, clusterKey: nil, organisation: nil)],
                           decisions: [.init(id: Self.other, date: "2026-11-01", decision: "Door naar besluitvorming", decidedBy: "Aanjaagteam", reasoning: nil,
                                             project: Named(id: Self.id, name: "Innovatiedistrict Spoorzone"))],
                           actions: [.init(id: Self.third, description: "Partners bellen", owner: Named(id: Self.other, name: "Anna de Vries"), dueOn: "2026-12-01",
                                           status: .open, project: nil)]),
            mayEdit: true, projects: [(Self.id.uuidString, "Innovatiedistrict Spoorzone")], goals: [], clusters: [("health", "Health")],
            owners: [(Self.other.uuidString, "Anna de Vries")]), viewer: Self.viewer).render(), "meeting")
    }

    @Test func administrationAndLogin() {
        let admin = Layout.Viewer(name: "Beheer", role: .admin, csrfToken: "csrf-token", home: "Zwolle")
        check(Login.View(model: .init(email: "anna@example.org", next: "/relaties", csrfToken: "csrf-token", message: "Het e-mailadres of het wachtwoord klopt niet.")).render(),
              "login")
        check(Login.setupPage(), "setup")
        check(ErrorPage.render(status: 404, message: "Deze organisatie bestaat niet (meer)."), "error")
        check(UsersIndex.View(model: .init(users: [.init(id: Self.id, name: "Anna de Vries", email: "anna@example.org", role: .adviser, active: true)],
                                           viewer: admin, message: "Anna de Vries is opgeslagen als Beleidsadviseur.")).render(), "users")
        check(UserPage.View(model: .init(id: Self.id, name: "Anna de Vries", email: "anna@example.org", role: .adviser, active: true,
                                         lastLogin: Date(timeIntervalSince1970: 1_740_000_000),
                                         tokens: [.init(id: Self.other, name: "Power BI", createdAt: Date(timeIntervalSince1970: 1_730_000_000),
                                                        expiresAt: nil, lastUsedAt: Date(timeIntervalSince1970: 1_739_000_000), status: .active)],
                                         viewer: admin, newSecret: "vw_voorbeeld")).render(), "user")
        check(AuditIndex.View(model: .init(
            rows: [.init(at: Date(timeIntervalSince1970: 1_740_000_000), actor: "Anna de Vries", channel: "web", action: "update", entity: "organisation",
                         entityID: Self.id.uuidString, changes: "name: Software 1 → Software Een BV")],
            filter: .init(entiteit: "organisation"), page: 1, hasMore: false, entities: Audit.Subject.allCases, viewer: admin)).render(), "audit")
    }

    @Test func futuresPages() {
        let item = { (id: UUID, key: String, name: String) in RobustnessMatrix.Item(id: id, key: key, name: name) }
        let options = [item(Self.id, "huidige-voet", "Door op huidige voet"), item(Self.other, "stedelijke-economie", "Focus op versterken stedelijke economie")]
        let scenarios = [item(Self.third, "circulair", "Zwolle circulair"), item(Self.id, "digital-delta", "Zwolle Digital Delta")]
        var scores: [RobustnessMatrix.Score] = []
        for (o, option) in options.enumerated() {
            for (s, scenario) in scenarios.enumerated() {
                scores.append(.init(option: option.id, scenario: scenario.id, score: 4 + 2 * o + s, rationale: "Omdat", assessorKey: "user:x", assessorName: "Anna de Vries", scoredOn: "2026-11-01"))
                scores.append(.init(option: option.id, scenario: scenario.id, score: 2 + 2 * o + s, rationale: "Daarom", assessorKey: "person:y", assessorName: "Piet Jansen", scoredOn: "2026-11-02"))
            }
        }
        let matrix = RobustnessMatrix(options: options, scenarios: scenarios, scores: scores, settings: .standard)
        let signpost = Signpost()
        (signpost.id, signpost.name, signpost.indicator, signpost.parameters, signpost.direction, signpost.trigger) = (Self.id, "Banen in ICT groeien door", "section_jobs", "section=J", .rising, 5_400)
        (signpost.status, signpost.value, signpost.asOf, signpost.slope, signpost.projectedCrossing) = (.watch, 5_210, "2025", 120, "2027-08-01")
        let alert = SignpostAlert()
        (alert.id, alert.signpostName, alert.raisedAt, alert.value, alert.asOf, alert.direction, alert.trigger) = (Self.other, "Sterke groei in sector Q", Date(timeIntervalSince1970: 1_764_000_000), 19_430, "2025", .rising, 19_309)
        alert.message = "Sterke groei in sector Q: 19.430 (2025), gestegen tot de drempel van 19.309 of erboven."
        alert.$signpost.id = Self.third
        check(FuturesIndex.View(model: .init(matrix: matrix, saved: .standard, alerts: [alert], signposts: [signpost], mayEdit: true, isDemo: true), viewer: Self.viewer).render(), "futures")
        check(SignpostPage.View(model: .init(signpost: signpost, indicator: Indicator.find("section_jobs"), history: [
            .init(time: 2023, value: 4_970, asOf: "2023"), .init(time: 2024, value: 5_090, asOf: "2024"), .init(time: 2025, value: 5_210, asOf: "2025"),
        ], alerts: [alert], mayEdit: true), viewer: Self.viewer).render(), "signpost")
    }

    @Test func reportsPage() {
        let entry = ReportArchive.Entry(id: Self.id, date: "2025-12-31", area: "GM0193", language: "nl", htmlSHA256: String(repeating: "a1", count: 32),
                                        pdfSHA256: String(repeating: "b2", count: 32), pages: 14, htmlBytes: 53_395, pdfBytes: 387_745,
                                        frozenAt: Date(timeIntervalSince1970: 1_764_000_000), frozenBy: "Anna de Vries")
        let areas = [MonitorSelection.Choice(value: "regio-zwolle", name: "Regio Zwolle", municipalities: 22), MonitorSelection.Choice(value: "GM0193", name: "Zwolle")]
        let model = ReportsIndex.Model(reports: [entry], areas: areas, pdfProblem: nil, mayFreeze: true, isDemo: true, date: "2025-12-31", area: "GM0193", language: "nl")
        check(ReportsIndex.View(model: model, viewer: Self.viewer).render(), "reports")
    }
}
