import Analysis
import Testing

/// Signposts read against oracle 06 (its land stock falling by about 6.4 ha a year) and at the
/// boundaries: exactly at the trigger, just before it, moving away from it.
struct SignpostReadingTests {
    static var observations: (times: [Double], values: [Double]) {
        let signpost = AdaptivePathwaysTests.oracle["signpost"] as! [String: Any]
        return (Oracle.numbers(signpost["years"]).map { $0! }, Oracle.numbers(signpost["values"]).map { $0! })
    }

    @Test func theCrossingFollowsTheTrendFromTheLatestObservation() throws {
        let (times, values) = Self.observations
        let threshold = Oracle.number((AdaptivePathwaysTests.oracle["tipping_condition"] as! [String: Any])["threshold"])!
        let reading = SignpostReading(times: times, values: values, direction: .falling, trigger: threshold)
        #expect(Oracle.close(reading.slope, -223.0 / 35))
        #expect(reading.value == 30 && reading.time == 2024)
        // The oracle's tipping year of the current stock under the trend scenario.
        let trend = (AdaptivePathwaysTests.oracle["pathway_timelines"] as! [String: [String: [[String: Any]]]])["A0_current_stock -> A2_new_business_park"]!["trend"]!
        #expect(Oracle.close(reading.crossing, Oracle.number(trend[0]["tipping_year"])))
        // Three years away: beyond the two-year horizon, so quiet.
        #expect(reading.status == .quiet)
    }

    @Test func theTriggerValueOfAnActionIsWatchedWithinTheHorizon() throws {
        let (times, values) = Self.observations
        let triggers = AdaptivePathwaysTests.oracle["trigger_values_first_transfer_from_A0_trend_scenario"] as! [String: Any]
        // Densifying takes two years: the signpost should warn when the stock nears 22.7 ha.
        let densify = Oracle.number(triggers["A1_densify_existing_parks"])!
        let reading = SignpostReading(times: times, values: values, direction: .falling, trigger: densify)
        #expect(reading.status == .watch)
        #expect(Oracle.close(reading.crossing, 2024 + (densify - 30) / (-223.0 / 35)))
        // A new business park takes five: its trigger, 41.9 ha, has been passed.
        let park = SignpostReading(times: times, values: values, direction: .falling, trigger: Oracle.number(triggers["A2_new_business_park"])!)
        #expect(park.status == .triggered)
        #expect(park.crossing == 2024)
    }

    @Test func exactlyAtTheTriggerIsTriggeredAndJustShortIsNot() {
        let times: [Double] = [2020, 2021, 2022]
        #expect(SignpostReading(times: times, values: [20, 25, 30], direction: .rising, trigger: 30).status == .triggered)
        #expect(SignpostReading(times: times, values: [20, 25, 29.999], direction: .rising, trigger: 30).status == .watch)
        #expect(SignpostReading(times: times, values: [40, 35, 30], direction: .falling, trigger: 30).status == .triggered)
        // Rising by 5 a year, 10 short: the crossing is two years out, on the horizon.
        let two = SignpostReading(times: times, values: [10, 15, 20], direction: .rising, trigger: 30)
        #expect(two.crossing == 2024 && two.status == .watch)
        let three = SignpostReading(times: times, values: [10, 15, 20], direction: .rising, trigger: 35)
        #expect(three.crossing == 2025 && three.status == .quiet)
    }

    @Test func movingAwayOrStandingStillHasNoCrossing() {
        let times: [Double] = [2020, 2021, 2022]
        let away = SignpostReading(times: times, values: [30, 25, 20], direction: .rising, trigger: 30)
        #expect(away.crossing == nil && away.status == .quiet)
        let flat = SignpostReading(times: times, values: [20, 20, 20], direction: .falling, trigger: 10)
        #expect(flat.slope == 0 && flat.crossing == nil && flat.status == .quiet)
        // One observation: no trend, but the trigger and the warning still count.
        let one = SignpostReading(times: [2022], values: [20], direction: .rising, trigger: 30, warning: 18)
        #expect(one.slope == nil && one.crossing == nil && one.status == .watch)
    }

    @Test func theEarlyWarningComesBeforeTheTrigger() {
        let times: [Double] = [2020, 2021, 2022]
        #expect(SignpostReading(times: times, values: [30, 25, 20], direction: .rising, trigger: 40, warning: 20).status == .watch)
        #expect(SignpostReading(times: times, values: [30, 25, 20], direction: .rising, trigger: 40, warning: 21).status == .quiet)
        #expect(SignpostReading.warningFits(35, trigger: 40, direction: .rising))
        #expect(!SignpostReading.warningFits(45, trigger: 40, direction: .rising))
        #expect(!SignpostReading.warningFits(40, trigger: 40, direction: .falling))
        #expect(SignpostReading.warningFits(nil, trigger: 40, direction: .falling))
    }
}
