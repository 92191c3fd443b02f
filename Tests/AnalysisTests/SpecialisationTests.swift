import Analysis
import Testing

/// Oracle 01: REAT 3.0.3 (METHODS.md section 1).
struct SpecialisationTests {
    static var oracle: [String: Any] { Oracle.load("01_location_quotient_specialisation") }
    static var cases: [[String: Any]] { oracle["cases"] as! [[String: Any]] }

    @Test(arguments: cases.map { $0["region"] as! String })
    func matchesREAT(region: String) {
        let test = Self.cases.first { $0["region"] as! String == region }!
        let expected = test["expected"] as! [String: Any]
        let start = Oracle.numbers(test["region_employment_t0"]).map { $0! }
        let end = Oracle.numbers(test["region_employment_t1"]).map { $0! }
        let nationStart = Oracle.numbers(test["nation_employment_t0"]).map { $0! }
        let nationEnd = Oracle.numbers(test["nation_employment_t1"]).map { $0! }

        let lq0 = Specialisation.locationQuotients(region: start, nation: nationStart)
        #expect(Oracle.close(lq0, Oracle.numbers(expected["LQ_t0"])), "\(lq0)")
        #expect(Oracle.close(Specialisation.locationQuotients(region: end, nation: nationEnd), Oracle.numbers(expected["LQ_t1"])))
        #expect(Oracle.close(Specialisation.additiveLocationQuotients(region: start, nation: nationStart),
                             Oracle.numbers(expected["LQ_additive_REAT_t0 (e_ij/e_i - e_j/e)"])))
        #expect(Oracle.close(Specialisation.hoover(region: start, nation: nationStart), Oracle.number(expected["hoover_specialisation_t0"])))
        #expect(Oracle.close(Specialisation.krugman(region: start, nation: nationStart), Oracle.number(expected["krugman_specialisation_t0"])))

        // Invariant: LQs weighted by national shares sum to 1.
        let nationTotal = nationStart.reduce(0, +)
        let weighted = zip(lq0, nationStart).map { ($0 ?? 0) * $1 / nationTotal }.reduce(0, +)
        #expect(abs(weighted - 1) < 1e-12)
    }

    @Test func aSectorWithoutNationalJobsHasNoLocationQuotient() {
        let edge = Self.oracle["edge_case_zero_national_sector"] as! [String: Any]
        let lq = Specialisation.locationQuotients(region: Oracle.numbers(edge["region"]).map { $0! },
                                                  nation: Oracle.numbers(edge["nation"]).map { $0! })
        #expect(Oracle.close(lq, Oracle.numbers(edge["expected_LQ"])))
        #expect(lq.last! == nil, "undefined, never 0")
    }

    @Test func anEmptyRegionHasNoFigures() {
        #expect(Specialisation.hoover(region: [0, 0], nation: [1, 2]) == nil)
        #expect(Specialisation.locationQuotients(region: [0, 0], nation: [1, 2]) == [nil, nil])
    }
}
