import Analysis
import Testing

/// Oracle 06: own numpy reference after Haasnoot et al. 2013/2018 (METHODS.md section 6).
struct AdaptivePathwaysTests {
    static var oracle: [String: Any] { Oracle.load("06_dapp_signposts_triggers") }
    static var condition: AdaptivePathways.Condition {
        let tipping = oracle["tipping_condition"] as! [String: Any]
        return AdaptivePathways.Condition(.init(rawValue: tipping["operator"] as! String)!, Oracle.number(tipping["threshold"])!)
    }
    static var actions: [String: AdaptivePathways.Action] {
        (oracle["actions"] as! [String: [String: Any]]).reduce(into: [:]) { result, entry in
            result[entry.key] = .init(name: entry.key, capacity: Oracle.number(entry.value["capacity_ha"])!, leadTime: Oracle.number(entry.value["lead_time_y"])!)
        }
    }
    /// Demand in hectares a year per scenario; the stock changes by minus the demand.
    static var demand: [String: Double] {
        (oracle["demand_scenarios_ha_per_year"] as! [String: Any]).mapValues { Oracle.number($0)! }
    }

    @Test func trendIsTheLeastSquaresLine() throws {
        let signpost = Self.oracle["signpost"] as! [String: Any]
        let trend = try #require(AdaptivePathways.Trend(years: Oracle.numbers(signpost["years"]).map { $0! },
                                                        values: Oracle.numbers(signpost["values"]).map { $0! }))
        let expected = Self.oracle["trend"] as! [String: Any]
        #expect(Oracle.close(trend.slope, -223.0 / 35))
        #expect(Oracle.close(trend.slope, Oracle.number(expected["slope_ha_per_year"])))
        #expect(Oracle.close(trend.intercept, Oracle.number(expected["intercept_at_year0"]), tolerance: 1e-7))
        #expect(Oracle.close(trend.value(in: 2024), Oracle.number(expected["fitted_2024"])))
        #expect(Oracle.close(Self.demand["trend"], -trend.slope))
    }

    @Test func everyPathwayUnderEveryScenarioMatches() throws {
        let pathways = Self.oracle["pathway_timelines"] as! [String: [String: [[String: Any]]]]
        let now = Oracle.number(Self.oracle["now"])!, stock = Oracle.number(Self.oracle["stock_at_last_observation"])!
        #expect(pathways.count == 3)
        for (name, scenarios) in pathways {
            let pathway = name.components(separatedBy: " -> ").map { Self.actions[$0]! }
            for (scenario, expected) in scenarios {
                let steps = try #require(AdaptivePathways.timeline(
                    pathway: pathway, condition: Self.condition, year: 2024, value: stock, change: -Self.demand[scenario]!, now: now))
                #expect(steps.count == expected.count)
                for (step, wanted) in zip(steps, expected) {
                    #expect(step.action == wanted["action"] as! String)
                    #expect(Oracle.close(step.tippingYear, Oracle.number(wanted["tipping_year"])), "\(name) \(scenario) \(step.action)")
                    #expect(Oracle.close(step.decideBy, Oracle.number(wanted["decide_by_year"])), "\(name) \(scenario) \(step.action)")
                    #expect(step.status?.rawValue == wanted["status_at_now"] as? String, "\(name) \(scenario) \(step.action)")
                }
            }
        }
    }

    @Test func triggerValuesForTheFirstTransfer() {
        let expected = (Self.oracle["trigger_values_first_transfer_from_A0_trend_scenario"] as! [String: Any]).mapValues { Oracle.number($0)! }
        for (name, value) in expected {
            let trigger = AdaptivePathways.trigger(for: Self.actions[name]!, condition: Self.condition, change: -Self.demand["trend"]!)
            #expect(Oracle.close(trigger, value), "\(name)")
        }
    }

    /// METHODS.md: a stock that rises never tips, which is reported as no year rather than a past one.
    @Test func risingStockHasNoTippingPoint() {
        let steps = AdaptivePathways.timeline(pathway: [Self.actions["A0_current_stock"]!], condition: Self.condition,
                                              year: 2024, value: 30, change: 2, now: 2025)
        #expect(steps == nil)
    }

    @Test func leadTimeLongerThanTheTimeLeftIsOverdue() {
        #expect(AdaptivePathways.status(decideBy: 2024.9, now: 2025) == .overdue)
        #expect(AdaptivePathways.status(decideBy: 2027, now: 2025) == .prepare)
        #expect(AdaptivePathways.status(decideBy: 2027.01, now: 2025) == .monitor)
    }
}
