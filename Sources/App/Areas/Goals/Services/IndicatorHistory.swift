import Analysis
import Fluent
import Foundation

extension IndicatorCatalogue {
    /// An indicator's value at one time, for a trend.
    struct Point: Sendable, Equatable {
        /// A fractional year (2024.0 for a register year; 2024.5 is about 2 July).
        let time: Double
        let value: Double
        /// As the value's `asOf`: a register year or a day.
        let asOf: String
    }

    /// Where an indicator has been: for a register figure every register year up to today's; for a
    /// manual series its values; for figures of the relations register the value at the end of each
    /// of the last `years` years and today. Times at which the indicator has no value are left out.
    /// The last point is the current value (what `value(of:parameters:)` gives without a year).
    func history(of indicator: Indicator, parameters: [Indicator.Parameter: String], years: Int = 4) async throws -> [Point] {
        if indicator.parameters.contains(.year) {
            let (_, _, municipalities) = try MonitorSelection.area(parameters[.area] ?? config.area, region: config.region)
            var points: [Point] = []
            for year in panel.years(in: Area(municipalities: Set(municipalities))) where year <= today.year {
                var asked = parameters
                asked[.year] = String(year)
                guard let value = try? await value(of: indicator, parameters: asked) else { continue }
                points.append(Point(time: Double(year), value: value.value, asOf: value.asOf))
            }
            return points
        }
        if indicator.id == .manual, let series = parameters[.series]?.lowercased() {
            return try await ManualValue.query(on: database).filter(\.$series == series).filter(\.$date <= today.text).sort(\.$date).all()
                .compactMap { row in CalendarDay(row.date).map { Point(time: $0.fractionalYear, value: row.value, asOf: row.date) } }
        }
        var days = (1...max(years, 1)).reversed().map { CalendarDay(year: today.year - $0, month: 12, day: 31) }
        days.append(today)
        var points: [Point] = []
        for day in days {
            let then = IndicatorCatalogue(database: database, config: config, panel: panel, cache: cache, generation: generation, today: day)
            guard let value = try? await then.value(of: indicator, parameters: parameters) else { continue }
            points.append(Point(time: day.fractionalYear, value: value.value, asOf: value.asOf))
        }
        return points
    }
}

extension CalendarDay {
    init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The year with the part of it that has passed at the start of this day (1 January = .0).
    var fractionalYear: Double {
        let start = CalendarDay(year: year, month: 1, day: 1).dayNumber, next = CalendarDay(year: year + 1, month: 1, day: 1).dayNumber
        return Double(year) + Double(dayNumber - start) / Double(next - start)
    }

    /// The day a fractional year falls on (nil outside the years a day can be written for).
    init?(fractionalYear: Double) {
        guard fractionalYear.isFinite, fractionalYear >= 1900, fractionalYear < 2200 else { return nil }
        let year = Int(fractionalYear.rounded(.down))
        let start = CalendarDay(year: year, month: 1, day: 1).dayNumber, next = CalendarDay(year: year + 1, month: 1, day: 1).dayNumber
        let number = start + Int(((fractionalYear - Double(year)) * Double(next - start)).rounded(.down))
        var month = 1
        while month < 12, CalendarDay(year: year, month: month + 1, day: 1).dayNumber <= number { month += 1 }
        self.init(year: year, month: month, day: number - CalendarDay(year: year, month: month, day: 1).dayNumber + 1)
    }
}
