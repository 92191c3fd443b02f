@testable import App
import Foundation
import Testing

/// The goals' trajectory and status rules (issue 15) at their boundaries, and the checks of a
/// goal's baseline, target and deadline.
struct GoalProgressTests {
    /// Fast growers from 20 (end of 2018) to 30 by the end of 2025.
    static let fastGrowers = try! GoalProgress.checked(baseline: 20, baselineDate: CalendarDay("2018-12-31")!, target: 30,
                                                       deadline: CalendarDay("2025-12-31")!, direction: .increase)

    @Test func theTrajectoryIsAStraightLineFromBaselineToTarget() {
        let goal = Self.fastGrowers
        #expect(goal.expected(on: CalendarDay("2018-12-31")!) == 20)
        #expect(goal.expected(on: CalendarDay("2025-12-31")!) == 30)
        #expect(goal.expected(on: CalendarDay("2030-01-01")!) == 30 && goal.expected(on: CalendarDay("2010-01-01")!) == 20)
        // 2022-07-01 is 1.278 of the 2.557 days: 20 + 10 × 1278/2557.
        #expect(abs(goal.expected(on: CalendarDay("2022-07-01")!) - (20 + 10 * 1278.0 / 2557)) < 1e-9)
        #expect(CalendarDay("1970-01-01")!.dayNumber == 0 && CalendarDay("2000-03-01")!.dayNumber == 11_017)
    }

    @Test(arguments: [
        (30.0, "2024-01-01", GoalProgress.Status.met),
        (31.0, "2026-06-01", .met),
        (25.0, "2022-07-01", .onTrack),       // expected 24.998…: 25 is at or beyond it
        (24.0, "2022-07-01", .atRisk),        // 0.998 behind: less than 10 % of the way (1.0)
        (23.9, "2022-07-01", .offTrack),      // 1.098 behind
        (29.0, "2026-01-01", .offTrack),      // the deadline passed
        (20.0, "2018-12-31", .onTrack),
    ])
    func theStatusFollowsTheRules(value: Double, day: String, expected: GoalProgress.Status) {
        #expect(Self.fastGrowers.status(of: value, on: CalendarDay(day)!) == expected, "\(value) on \(day)")
    }

    @Test func aGoalToLowerMirrorsTheRules() throws {
        let goal = try GoalProgress.checked(baseline: 40, baselineDate: CalendarDay("2020-01-01")!, target: 20, deadline: CalendarDay("2030-01-01")!,
                                            direction: .decrease)
        #expect(goal.status(of: 20, on: CalendarDay("2025-01-01")!) == .met)
        #expect(goal.status(of: 29, on: CalendarDay("2025-01-01")!) == .onTrack)
        #expect(goal.status(of: 31, on: CalendarDay("2025-01-01")!) == .atRisk)
        #expect(goal.status(of: 33, on: CalendarDay("2025-01-01")!) == .offTrack)
    }

    @Test func aTargetTheWrongWayOrADeadlineTooEarlyIsRefused() {
        #expect(throws: InvalidFields.self) {
            try GoalProgress.checked(baseline: 20, baselineDate: CalendarDay("2018-12-31")!, target: 15, deadline: CalendarDay("2025-12-31")!, direction: .increase)
        }
        do {
            _ = try GoalProgress.checked(baseline: 20, baselineDate: CalendarDay("2018-12-31")!, target: 30, deadline: CalendarDay("2018-01-01")!, direction: .increase)
            Issue.record("accepted a deadline before the baseline")
        } catch let invalid as InvalidFields {
            #expect(invalid.problems.map(\.field) == ["deadline"])
        } catch { Issue.record("\(error)") }
    }
}
