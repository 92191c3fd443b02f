/// One establishment in one year, as in the Register CSV contract (LISA-style).
public struct RegisterRecord: Sendable, Hashable {
    /// 12 digits (LISA vestigingsnummer).
    public var establishmentNumber: String
    /// 8 digits (KvK number of the enterprise the establishment belongs to).
    public var kvkNumber: String
    public var name: String
    /// Dotted SBI 2008 code as CBS writes it, e.g. `62.01` or `47.91.1`.
    public var sbi: String
    /// `1234AB`, or empty when unknown.
    public var postcode: String
    /// CBS municipality code, e.g. `GM0193`.
    public var municipality: String
    public var year: Int
    /// LISA: jobs of 12 hours a week or more.
    public var jobsFullTime: Int
    /// LISA: jobs of less than 12 hours a week.
    public var jobsPartTime: Int
    public var foundedYear: Int?
    /// Rijksdriehoek coordinates (metres), when the register has them.
    public var x: Double?
    public var y: Double?

    public init(
        establishmentNumber: String, kvkNumber: String, name: String, sbi: String, postcode: String,
        municipality: String, year: Int, jobsFullTime: Int, jobsPartTime: Int, foundedYear: Int?,
        x: Double? = nil, y: Double? = nil
    ) {
        self.establishmentNumber = establishmentNumber
        self.kvkNumber = kvkNumber
        self.name = name
        self.sbi = sbi
        self.postcode = postcode
        self.municipality = municipality
        self.year = year
        self.jobsFullTime = jobsFullTime
        self.jobsPartTime = jobsPartTime
        self.foundedYear = foundedYear
        self.x = x
        self.y = y
    }

    /// LISA's definition: all jobs, full-time plus part-time.
    public var jobs: Int { jobsFullTime + jobsPartTime }
}

extension RegisterRecord {
    /// The establishment that stands for an enterprise (its name, SBI code and place): the one with
    /// the most jobs, on a tie the lowest establishment number. The one rule for every page.
    public static func main(of establishments: some Sequence<RegisterRecord>) -> RegisterRecord? {
        establishments.max { ($0.jobs, $1.establishmentNumber) < ($1.jobs, $0.establishmentNumber) }
    }
}
