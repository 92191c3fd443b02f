import Fluent
import Foundation

/// Doelen > Handmatige indicatoren: the values entered by hand, per series, and the form to add one.
enum ManualValuesIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let series: String
        let name: String
        let unit: String
        let date: String
        let value: Double
        let source: String
    }

    struct Model: Sendable {
        let rows: [Row]
        let series: String?
        let mayEdit: Bool
        var input = ManualValueInput()
        var problems: [FieldProblem] = []
    }

    static func query(series: String?, mayEdit: Bool, on database: Database) async throws -> Model {
        let rows = try await ManualValueService.all(series: series, on: database).map {
            Row(id: try $0.requireID(), series: $0.series, name: $0.name, unit: $0.unit, date: $0.date, value: $0.value, source: $0.source)
        }
        return Model(rows: rows, series: series, mayEdit: mayEdit, input: ManualValueInput(series: series, date: CalendarDay.today.text))
    }
}
