import Foundation

/// Where a goal stands on a day: the straight trajectory from its baseline to its target, the
/// value it should have reached by then, and a status by the rules the goal page states:
/// - *met*: the value has reached the target (at or above it for a goal to raise, at or below it
///   for a goal to lower);
/// - *on track*: not yet, but at or beyond where the trajectory is on that day;
/// - *at risk*: behind the trajectory by less than `tolerance` (10 %) of the whole way from
///   baseline to target, and the deadline has not passed;
/// - *off track*: further behind, or the deadline passed without the target met.
struct GoalProgress: Sendable, Equatable {
    enum Direction: String, Codable, CaseIterable, Sendable {
        case increase, decrease
    }

    enum Status: String, Codable, CaseIterable, Sendable {
        case met, onTrack = "on_track", atRisk = "at_risk", offTrack = "off_track"

        var label: String {
            switch self {
            case .met: localized("gehaald", "met")
            case .onTrack: localized("op koers", "on track")
            case .atRisk: localized("in gevaar", "at risk")
            case .offTrack: localized("uit koers", "off track")
            }
        }
    }

    let baseline: Double
    let baselineDate: CalendarDay
    let target: Double
    let deadline: CalendarDay
    let direction: Direction

    /// Behind the trajectory by less than this share of the whole way is "at risk".
    static let tolerance = 0.1

    /// Checks that the target lies in the goal's direction from the baseline and the deadline after
    /// the baseline's date; names the field otherwise.
    static func checked(baseline: Double, baselineDate: CalendarDay, target: Double, deadline: CalendarDay, direction: Direction) throws -> GoalProgress {
        var check = FieldCheck()
        let start = Format.decimal(baseline, digits: baseline == baseline.rounded() ? 0 : 1)
        if direction == .increase ? target <= baseline : target >= baseline {
            check.report("target", direction == .increase
                ? localized("een doel om te verhogen heeft een streefwaarde boven de beginwaarde (\(start))",
                            "a goal to raise has a target above the baseline (\(start))")
                : localized("een doel om te verlagen heeft een streefwaarde onder de beginwaarde (\(start))",
                            "a goal to lower has a target below the baseline (\(start))"))
        }
        if deadline <= baselineDate {
            check.report("deadline", localized("de einddatum \(deadline.text) ligt niet na de datum van de beginwaarde \(baselineDate.text)",
                                               "the deadline \(deadline.text) is not after the baseline's date \(baselineDate.text)"))
        }
        try check.throwIfAny()
        return GoalProgress(baseline: baseline, baselineDate: baselineDate, target: target, deadline: deadline, direction: direction)
    }

    /// Where the straight line from baseline to target is on `day` (the baseline before its date,
    /// the target after the deadline).
    func expected(on day: CalendarDay) -> Double {
        let whole = Double(deadline.dayNumber - baselineDate.dayNumber)
        let done = min(max(Double(day.dayNumber - baselineDate.dayNumber) / whole, 0), 1)
        return baseline + (target - baseline) * done
    }

    func status(of value: Double, on day: CalendarDay) -> Status {
        let sign = direction == .increase ? 1.0 : -1.0
        if sign * (value - target) >= 0 { return .met }
        let behind = sign * (expected(on: day) - value)
        if behind <= 0 { return day > deadline ? .offTrack : .onTrack }
        return day <= deadline && behind < Self.tolerance * abs(target - baseline) ? .atRisk : .offTrack
    }
}

extension CalendarDay {
    /// Days since 1970-01-01 (proleptic Gregorian), for distances between days.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
