import Analysis
import Testing

/// The establishment that stands for an enterprise on every page.
struct RegisterRecordTests {
    static func record(_ number: String, _ name: String, jobs: Int) -> RegisterRecord {
        RegisterRecord(establishmentNumber: number, kvkNumber: "00000001", name: name, sbi: "6201", postcode: "8011AB",
                       municipality: "GM0193", year: 2020, jobsFullTime: jobs, jobsPartTime: 0, foundedYear: 2000)
    }

    @Test func theMainEstablishmentHasTheMostJobsAndOnATieTheLowestNumber() {
        let big = Self.record("000000000003", "Hoofdkantoor", jobs: 50)
        let tieHigh = Self.record("000000000009", "Filiaal B", jobs: 20), tieLow = Self.record("000000000002", "Filiaal A", jobs: 20)
        #expect(RegisterRecord.main(of: [tieHigh, big, tieLow])?.name == "Hoofdkantoor")
        #expect(RegisterRecord.main(of: [tieHigh, tieLow])?.name == "Filiaal A")
        #expect(RegisterRecord.main(of: [tieLow, tieHigh])?.name == "Filiaal A")
        #expect(RegisterRecord.main(of: []) == nil)
    }
}
