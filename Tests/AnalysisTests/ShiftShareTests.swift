import Analysis
import Testing

/// Oracle 02: REAT 3.0.3 `shift` (Dunn, Esteban, Gerfin) and an own numpy cross-check
/// (METHODS.md section 2).
struct ShiftShareTests {
    static var cases: [[String: Any]] { Oracle.load("02_shift_share")["cases"] as! [[String: Any]] }

    static func shiftShare(_ test: [String: Any]) -> ShiftShare {
        let vector = { (key: String) in Oracle.numbers(test[key]).map { $0! } }
        return ShiftShare(regionStart: vector("e_ij_t0"), regionEnd: vector("e_ij_t1"), nationStart: vector("E_i_t0"), nationEnd: vector("E_i_t1"))
    }

    @Test(arguments: cases.map { $0["region"] as! String })
    func matchesTheReference(region: String) {
        let test = Self.cases.first { $0["region"] as! String == region }!
        let result = Self.shiftShare(test)
        let reat = test["expected_REAT"] as! [String: Any]
        let dunn = reat["Dunn"] as! [String: Any]
        let own = test["expected_own_numpy"] as! [String: Any]

        #expect(Oracle.close(result.total.change, Oracle.number(dunn["growth"])))
        #expect(Oracle.close(result.total.nationalShare, Oracle.number(dunn["national_share"])))
        #expect(Oracle.close(result.total.industryMix, Oracle.number(dunn["industrial_mix"])))
        #expect(Oracle.close(result.total.netTotalShift, Oracle.number(dunn["net_total_shift"])))
        // The safe form of the regional shift: REAT gives NaN for region Z0, the numpy check -10.
        #expect(Oracle.close(result.total.regionalShift, Oracle.number(own["RS"])))
        if let reatShift = Oracle.number(dunn["regional_share"]) {
            #expect(Oracle.close(result.total.regionalShift, reatShift))
        }

        let perSector = test["per_sector_own_numpy"] as! [String: Any]
        #expect(Oracle.close(result.bySector.map { $0?.nationalShare }, Oracle.numbers(perSector["NS"])))
        #expect(Oracle.close(result.bySector.map { $0?.industryMix }, Oracle.numbers(perSector["IM"])))
        #expect(Oracle.close(result.bySector.map { $0?.regionalShift }, Oracle.numbers(perSector["RS"])))

        let esteban = reat["Esteban"] as! [String: Any]
        #expect(Oracle.close(result.estebanMarquillas?.competitive, Oracle.number(esteban["competitive_effect_homothetic"])))
        #expect(Oracle.close(result.estebanMarquillas?.allocation, Oracle.number(esteban["allocation_effect"])))

        let gerfin = reat["Gerfin"] as! [String: Any]
        #expect(Oracle.close(result.gerfin?.industryMixFactor, Oracle.number(gerfin["industrial_mix_factor"])))
        #expect(Oracle.close(result.gerfin?.regionalFactor, Oracle.number(gerfin["regional_factor"])))
        #expect(Oracle.close(result.gerfin?.totalFactor, Oracle.number(gerfin["total_factor"])))
    }

    @Test(arguments: cases.map { $0["region"] as! String })
    func componentsAddUpToTheChange(region: String) {
        let test = Self.cases.first { $0["region"] as! String == region }!
        let result = Self.shiftShare(test)
        let change = Oracle.numbers(test["e_ij_t1"]).map { $0! }.reduce(0, +) - Oracle.numbers(test["e_ij_t0"]).map { $0! }.reduce(0, +)
        #expect(abs(result.total.change - change) < 1e-9)
    }

    @Test func aSectorWithoutNationalJobsIsLeftOut() {
        let result = ShiftShare(regionStart: [10, 5], regionEnd: [12, 7], nationStart: [100, 0], nationEnd: [110, 4])
        #expect(result.bySector[1] == nil)
        #expect(result.bySector[0] != nil)
    }

    /// A sector with no jobs in the area at the start: its whole growth is regional shift, and the
    /// three components still add up to the change.
    @Test func aSectorNewToTheAreaIsAllRegionalShift() {
        let result = ShiftShare(regionStart: [0, 10], regionEnd: [5, 12], nationStart: [100, 200], nationEnd: [110, 220])
        let new = try! #require(result.bySector[0])
        #expect(new.nationalShare == 0 && new.industryMix == 0)
        #expect(abs(new.regionalShift - 5) < 1e-12)
        #expect(abs(result.total.change - 7) < 1e-12)
    }
}
