/// The establishment register held column by column: one entry per establishment per year,
/// with SBI and municipality codes dictionary-encoded. Every monitor figure is a scan over these
/// arrays, which is far cheaper than going row by row through a database.
public struct RegisterPanel: Sendable {
    public private(set) var count = 0
    private(set) var establishment: [Int64] = []
    private(set) var enterprise: [Int64] = []
    private(set) var year: [Int16] = []
    private(set) var jobsFullTime: [Int32] = []
    private(set) var jobsPartTime: [Int32] = []
    private(set) var sbi: [Int32] = []
    private(set) var municipality: [Int32] = []
    /// Founding year, 0 when unknown.
    private(set) var founded: [Int16] = []

    /// Dictionary of SBI codes (dotted) and, per entry, the index of its section in `SBI.sections`.
    public private(set) var sbiCodes: [String] = []
    private(set) var sectionOfSBI: [Int8] = []
    private var sbiIndex: [String: Int32] = [:]
    public private(set) var municipalityCodes: [String] = []
    private var municipalityIndex: [String: Int32] = [:]

    public init() {}

    public init(records: some Sequence<RegisterRecord>) {
        self.init()
        for record in records { append(record) }
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        establishment.reserveCapacity(capacity)
        enterprise.reserveCapacity(capacity)
        year.reserveCapacity(capacity)
        jobsFullTime.reserveCapacity(capacity)
        jobsPartTime.reserveCapacity(capacity)
        sbi.reserveCapacity(capacity)
        municipality.reserveCapacity(capacity)
        founded.reserveCapacity(capacity)
    }

    public mutating func append(_ record: RegisterRecord) {
        append(
            establishment: Int64(record.establishmentNumber) ?? 0, enterprise: Int64(record.kvkNumber) ?? 0,
            year: record.year, jobsFullTime: record.jobsFullTime, jobsPartTime: record.jobsPartTime,
            sbi: record.sbi, municipality: record.municipality, founded: record.foundedYear)
    }

    public mutating func append(
        establishment: Int64, enterprise: Int64, year: Int, jobsFullTime: Int, jobsPartTime: Int,
        sbi: String, municipality: String, founded: Int?
    ) {
        self.establishment.append(establishment)
        self.enterprise.append(enterprise)
        self.year.append(Int16(clamping: year))
        self.jobsFullTime.append(Int32(clamping: jobsFullTime))
        self.jobsPartTime.append(Int32(clamping: jobsPartTime))
        self.sbi.append(sbiCode(sbi))
        self.municipality.append(municipalityCode(municipality))
        self.founded.append(Int16(clamping: founded ?? 0))
        count += 1
    }

    private mutating func sbiCode(_ code: String) -> Int32 {
        if let index = sbiIndex[code] { return index }
        let index = Int32(sbiCodes.count)
        sbiCodes.append(code)
        sectionOfSBI.append(SBI.section(of: code).flatMap { SBI.sections.firstIndex(of: $0) }.map(Int8.init) ?? -1)
        sbiIndex[code] = index
        return index
    }

    private mutating func municipalityCode(_ code: String) -> Int32 {
        if let index = municipalityIndex[code] { return index }
        let index = Int32(municipalityCodes.count)
        municipalityCodes.append(code)
        municipalityIndex[code] = index
        return index
    }

    /// A lookup table over municipality indices: true where the municipality is in the area.
    func membership(of area: Area) -> [Bool] {
        municipalityCodes.map(area.municipalities.contains)
    }

    /// The years with at least one record in the area, ascending.
    public func years(in area: Area) -> [Int] {
        let member = membership(of: area)
        var seen = Set<Int16>()
        for row in 0..<count where member[Int(municipality[row])] { seen.insert(year[row]) }
        return seen.map(Int.init).sorted()
    }
}
