import Analysis
import Fluent
import Foundation
import Vapor

/// The demo's futures: the four scenarios and three options (the defaults), each option scored in
/// each scenario by two advisers and a driver-team member with their reasons, and six signposts on
/// the demo's own indicators. The scores are set so that the strategy's conclusion (focus on the
/// urban economy is the most robust) follows from them; nothing in the code knows it. One
/// signpost's trigger lies between the last two register years of its sector, so the demo data
/// triggers it and its alert shows.
enum DemoFutures {
    /// Per option, per scenario (on-the-go, circulair, digital-delta, greentech): the median score
    /// and the reason, on the scale 1-10.
    static let plan: [String: [(Int, String)]] = [
        "huidige-voet": [
            (6, "Houdt de bestaande bedrijvigheid vast, maar kiest niet voor de clusters die overleven."),
            (4, "Zonder keuze voor duurzaamheid en regionale productie mist de stad deze omslag."),
            (5, "Digitalisering gebeurt wel, maar de stad trekt er geen talent of bedrijven extra mee aan."),
            (3, "Kleinschalige groei over de regio vraagt nieuwe keuzes; stilstand kost hier het meest."),
        ],
        "stedelijke-economie": [
            (6, "Kennis en diensten blijven verdienen, al trekken grote ruimtevragers naar de regio."),
            (7, "Een aantrekkelijke stad met zorg en kennis past bij menselijke maat en inclusie."),
            (7, "ICT, e-commerce en talent in de stad zijn precies wat dit scenario beloont."),
            (6, "Creatieve en ICT-bedrijven in de stad houden stand, ook zonder exportmarkten."),
        ],
        "industriele-kracht": [
            (8, "Schaal en clustering van maakindustrie en logistiek passen hier het best."),
            (3, "Grootschalige industrie botst met de nadruk op milieu en regionale maat."),
            (6, "Slimme maakindustrie overleeft, maar grote bedrijven vertrekken naar het buitenland."),
            (2, "Exportmarkten vallen weg en grootschaligheid is uit de gratie: de zwakste optie."),
        ],
    ]
    static let scenarioOrder = ["on-the-go", "circulair", "digital-delta", "greentech"]

    static func seed(on application: Application) async throws {
        let database = application.db
        let matrix = try await RobustnessMatrix.load(on: database)
        let advisers = try await User.query(on: database).filter(\.$email ~~ DemoProgramme.advisers.map(\.1)).sort(\.$email).all()
        let member = try await DriverTeamService.members(database: database).first?.person.id
        let assessors = advisers.compactMap(\.id).map(Assessor.user) + (member.map { [Assessor.person($0)] } ?? [])
        let service = FuturesService(database: database, actor: .system)
        // The assessors differ by a point (the second gives one more), and in one cell by four,
        // so that disagreement shows where it is.
        for (index, assessor) in assessors.enumerated() {
            var cells: [RobustnessScoresInput.Values] = []
            for option in matrix.options {
                guard let scores = plan[option.key] else { continue }
                for (s, key) in scenarioOrder.enumerated() {
                    guard let scenario = matrix.scenarios.first(where: { $0.key == key }) else { continue }
                    let (median, reason) = scores[s]
                    let wide = option.key == "industriele-kracht" && key == "digital-delta"
                    let offset = (wide ? [0, 2, -2] : [0, 1, 0])[index % 3]
                    cells.append(.init(option: option.id, scenario: scenario.id, score: min(max(median + offset, 1), 10), rationale: reason))
                }
            }
            try await service.score(by: assessor, cells, today: DemoRelations.day(-40 + index))
        }
        try await signposts(on: application)
    }

    /// Six signposts on the demo's indicators, their triggers set from the demo's own figures.
    static func signposts(on application: Application) async throws {
        let database = application.db
        let catalogue = try await IndicatorCatalogue.on(application: application, database: database)
        let items = Dictionary(uniqueKeysWithValues: try await FuturesItem.query(on: database).all().map { ("\($0.kind.rawValue):\($0.key)", $0) })
        func current(_ indicator: Indicator.ID, _ parameters: [Indicator.Parameter: String]) async -> [IndicatorCatalogue.Point] {
            guard let indicator = Indicator.find(indicator.rawValue) else { return [] }
            return (try? await catalogue.history(of: indicator, parameters: parameters)) ?? []
        }
        var made: [Signpost] = []
        func add(_ name: String, _ indicator: Indicator.ID, _ parameters: [Indicator.Parameter: String], _ item: String, _ direction: SignpostReading.Direction,
                 trigger: Double, warning: Double?, notes: String) async throws {
            guard let watched = items[item] else { return }
            let signpost = Signpost()
            (signpost.name, signpost.indicator, signpost.parameters, signpost.$item.id) = (name, indicator.rawValue, Goal.text(of: parameters), try watched.requireID())
            (signpost.direction, signpost.trigger, signpost.warning, signpost.notes) = (direction, trigger.rounded(), warning.map { $0.rounded() }, notes)
            try await signpost.create(on: database)
            made.append(signpost)
        }
        let round = { (value: Double) in value.rounded() }
        if let ict = await current(.sectionJobs, [.section: "J"]).last?.value {
            try await add("Banen in ICT groeien door", .sectionJobs, [.section: "J"], "scenario:digital-delta", .rising, trigger: round(ict * 1.10), warning: round(ict * 1.05),
                          notes: "Groeit de informatie- en communicatiesector nog een tiende, dan kiest de economie voor digitaal: Digital Delta komt dichterbij.")
        }
        if let share = await current(.largeEnterpriseShare, [:]).last?.value {
            try await add("Minder werk bij grote ondernemingen", .largeEnterpriseShare, [:], "scenario:digital-delta", .falling, trigger: max(share - 3, 0), warning: max(share - 1.5, 0),
                          notes: "In Digital Delta vertrekken grote bedrijven naar het buitenland; een dalend aandeel banen bij ondernemingen van 250+ is het eerste teken.")
        }
        if let industry = await current(.sectionJobs, [.section: "C"]).last?.value {
            try await add("Industriebanen keren terug", .sectionJobs, [.section: "C"], "scenario:circulair", .rising, trigger: round(industry * 1.08), warning: nil,
                          notes: "Reshoring en regionale productie zouden de industrie laten groeien; dat zou Zwolle circulair waarschijnlijker maken.")
        }
        if let growers = await current(.fastGrowers, [:]).last?.value {
            try await add("Meer snelle groeiers", .fastGrowers, [:], "option:stedelijke-economie", .rising, trigger: growers + 10, warning: growers + 5,
                          notes: "De stedelijke economie moet snelle groeiers opleveren; bij tien meer dan nu werkt de koers zichtbaar.")
        }
        if let questions = await current(.openQuestions, [:]).last?.value {
            try await add("Vragen van ondernemers stapelen zich op", .openQuestions, [:], "option:huidige-voet", .rising, trigger: questions + 15, warning: questions + 8,
                          notes: "Lopen de open vragen op, dan houdt de huidige aanpak het tempo van de ondernemers niet bij.")
        }
        // The one the demo data triggers: the sector that grew most in the latest register year,
        // with its trigger halfway between its last two values.
        var best: (section: String, previous: Double, last: Double)?
        for section in ["Q", "M", "G"] {
            let history = await current(.sectionJobs, [.section: section])
            guard history.count >= 2 else { continue }
            let (previous, last) = (history[history.count - 2].value, history[history.count - 1].value)
            if last > previous, last - previous > (best.map { $0.last - $0.previous } ?? 0) { best = (section, previous, last) }
        }
        if let best {
            let trigger = ((best.previous + best.last) / 2).rounded(.up)
            try await add("Sterke groei in sector \(best.section)", .sectionJobs, [.section: best.section], "option:stedelijke-economie", .rising,
                          trigger: min(trigger, best.last), warning: nil,
                          notes: "Gezet tussen de banen van de laatste twee registerjaren (\(Format.integer(Int(best.previous))) en \(Format.integer(Int(best.last)))): de demodata laten de sector in het laatste jaar over de drempel gaan, zodat een melding te zien is.")
        }
        try await SignpostWatch(catalogue: catalogue, actor: .system).evaluate(made)
    }
}
