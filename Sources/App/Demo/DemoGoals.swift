import Fluent
import Vapor

/// The demo's goals: a manual indicator (a synthetic survey among entrepreneurs) and the goals'
/// measurements frozen at the end of 2022, 2023 and 2024, so that a goal page shows a history.
/// The frozen measurements are computed from the demo data as it stands on those days.
enum DemoGoals {
    static let surveySeries = "tevredenheid-ondernemers"

    static func seed(on application: Application) async throws {
        let database = application.db
        let values = ManualValueService(database: database, actor: .system)
        for (date, value) in [("2022-06-30", 6.6), ("2023-06-30", 6.8), ("2024-06-30", 6.9), ("2025-06-30", 7.1)] {
            try await values.add(try ManualValueInput(series: surveySeries, name: "Tevredenheid ondernemers over de gemeente", unit: "rapportcijfer",
                                                      date: date, value: Format.plain(value), source: "Demodata: synthetische ondernemerspeiling").validated())
        }
        for date in ["2022-12-31", "2023-12-31", "2024-12-31"] {
            let catalogue = try await IndicatorCatalogue.on(CalendarDay(date)!, application: application, database: database)
            try await GoalSnapshots(database: database, actor: .system).freeze(catalogue: catalogue)
        }
    }
}
