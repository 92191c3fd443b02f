import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Overzicht: the key figures of an area per year over the chosen period, as trend lines.
enum Overview {
    struct Year: Sendable, Equatable {
        let year: Int
        let jobs: Int
        let establishments: Int
        let inhabitants: Int?
        let fastGrowers: Int?

        var jobsPerThousand: Double? { KeyFigures.jobsPerThousand(jobs: jobs, inhabitants: inhabitants) }
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let years: [Year]
        let isDemo: Bool

        var title: String { localized("Economie van ", "Economy of ") + "\(selection.name), \(selection.from)-\(selection.to)" }
    }

    static func query(_ selection: MonitorSelection, panel: RegisterPanel, on database: Database) async throws -> Model {
        let store = RegisterStore(database)
        let area = Area(municipalities: Set(selection.municipalities))
        var years: [Year] = []
        for year in selection.years where (selection.from...selection.to).contains(year) {
            let inhabitants = try await store.population(municipalities: selection.municipalities, year: year)
            years.append(Year(year: year, jobs: panel.jobs(in: area, year: year), establishments: panel.establishments(in: area, year: year),
                              inhabitants: inhabitants,
                              fastGrowers: selection.years.contains(year - 3) ? panel.highGrowthUnits(in: area, endYear: year).count : nil))
        }
        return Model(selection: selection, years: years, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        (["jaar,banen,vestigingen,inwoners,banen_per_1000_inwoners,snelle_groeiers"] + model.years.map { year in
            [String(year.year), String(year.jobs), String(year.establishments), CSVField.integer(year.inhabitants),
             CSVField.decimal(year.jobsPerThousand), CSVField.integer(year.fastGrowers)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
