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
    /// The postcode as a number (`postcodeNumber`), 0 when unknown.
    private(set) var postcode: [Int32] = []

    /// Dictionary of SBI codes (dotted) and, per entry, the index of its section in `SBI.sections`.
    public private(set) var sbiCodes: [String] = []
    private(set) var sectionOfSBI: [Int8] = []
    private var sbiIndex: [String: Int32] = [:]
    public private(set) var municipalityCodes: [String] = []
    private var municipalityIndex: [String: Int32] = [:]
    /// After `groupByMunicipality`, the rows of municipality m are `municipalityOffsets[m]..<municipalityOffsets[m + 1]`;
    /// empty while the rows are in the order they were added.
    private(set) var municipalityOffsets: [Int] = []
    /// After `groupByMunicipality`, the years municipality m has rows in, ascending: what every
    /// page asks first (`years(in:)`), answered without a scan.
    private var municipalityYears: [[Int]] = []
    /// After `groupByMunicipality`, each row's unit as a dense number (0..<count of units) and the
    /// unit's id by that number, for enterprises and establishments: what a pass over every unit
    /// (business demography) uses instead of hashing ids.
    private var unitNumbers: [Unit: (ofRow: [Int32], ids: [Int64])] = [:]

    public init() {}

    /// An empty panel whose dictionaries already hold these codes, in this order, so that
    /// panels filled separately (in parallel) share their code numbers and can be joined.
    public init(sbiCodes: [String], municipalityCodes: [String]) {
        self.init()
        for code in sbiCodes { _ = sbiCode(code) }
        for code in municipalityCodes { _ = municipalityCode(code) }
    }

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
        postcode.reserveCapacity(capacity)
    }

    public mutating func append(_ record: RegisterRecord) {
        append(
            establishment: Int64(record.establishmentNumber) ?? 0, enterprise: Int64(record.kvkNumber) ?? 0,
            year: record.year, jobsFullTime: record.jobsFullTime, jobsPartTime: record.jobsPartTime,
            sbi: record.sbi, municipality: record.municipality, founded: record.foundedYear, postcode: Self.postcodeNumber(record.postcode))
    }

    public mutating func append(
        establishment: Int64, enterprise: Int64, year: Int, jobsFullTime: Int, jobsPartTime: Int,
        sbi: String, municipality: String, founded: Int?, postcode: Int32 = 0
    ) {
        self.establishment.append(establishment)
        self.enterprise.append(enterprise)
        self.year.append(Int16(clamping: year))
        self.jobsFullTime.append(Int32(clamping: jobsFullTime))
        self.jobsPartTime.append(Int32(clamping: jobsPartTime))
        self.sbi.append(sbiCode(sbi))
        self.municipality.append(municipalityCode(municipality))
        self.founded.append(Int16(clamping: founded ?? 0))
        self.postcode.append(postcode)
        count += 1
        if !unitNumbers.isEmpty { unitNumbers = [:] }
    }

    /// Appends a row whose SBI and municipality are already dictionary numbers of this panel.
    @inline(__always)
    mutating func appendEncoded(
        establishment: Int64, enterprise: Int64, year: Int16, jobsFullTime: Int32, jobsPartTime: Int32,
        sbi: Int32, municipality: Int32, founded: Int16, postcode: Int32 = 0
    ) {
        self.establishment.append(establishment)
        self.enterprise.append(enterprise)
        self.year.append(year)
        self.jobsFullTime.append(jobsFullTime)
        self.jobsPartTime.append(jobsPartTime)
        self.sbi.append(sbi)
        self.municipality.append(municipality)
        self.founded.append(founded)
        self.postcode.append(postcode)
        count += 1
        if !unitNumbers.isEmpty { unitNumbers = [:] }
    }

    /// Appends the rows of a panel made with the same dictionaries (see `init(sbiCodes:municipalityCodes:)`).
    public mutating func append(contentsOf other: RegisterPanel) {
        precondition(other.sbiCodes == sbiCodes && other.municipalityCodes == municipalityCodes, "panels must share their dictionaries")
        establishment += other.establishment
        enterprise += other.enterprise
        year += other.year
        jobsFullTime += other.jobsFullTime
        jobsPartTime += other.jobsPartTime
        sbi += other.sbi
        municipality += other.municipality
        founded += other.founded
        postcode += other.postcode
        count += other.count
        municipalityOffsets = []
        municipalityYears = []
        unitNumbers = [:]
    }

    /// The dictionary number of a dotted SBI code already in the panel's dictionary.
    func sbiNumber(_ code: String) -> Int32? { sbiIndex[code] }

    /// The dictionary number of a municipality code already in the panel's dictionary.
    func municipalityNumber(_ code: String) -> Int32? { municipalityIndex[code] }

    /// Puts the rows of each municipality together (a stable counting sort of every column), so
    /// that figures for one municipality read only its own rows, one after the other. Worth it
    /// before computing many areas, e.g. every municipality of the country; appending rows undoes it.
    public mutating func groupByMunicipality() {
        var offsets = [Int](repeating: 0, count: municipalityCodes.count + 1)
        for row in 0..<count { offsets[Int(municipality[row]) + 1] += 1 }
        for m in 0..<municipalityCodes.count { offsets[m + 1] += offsets[m] }
        var next = offsets
        var order = [Int32](repeating: 0, count: count)
        for row in 0..<count {
            let m = Int(municipality[row])
            order[next[m]] = Int32(row)
            next[m] += 1
        }
        func reordered<T>(_ column: [T]) -> [T] { order.map { column[Int($0)] } }
        establishment = reordered(establishment)
        enterprise = reordered(enterprise)
        year = reordered(year)
        jobsFullTime = reordered(jobsFullTime)
        jobsPartTime = reordered(jobsPartTime)
        sbi = reordered(sbi)
        municipality = reordered(municipality)
        founded = reordered(founded)
        postcode = reordered(postcode)
        municipalityOffsets = offsets
        municipalityYears = (0..<municipalityCodes.count).map { m in
            Set(year[offsets[m]..<offsets[m + 1]].map { Int($0) }).sorted()
        }
        unitNumbers = [.enterprise: numbered(enterprise), .establishment: numbered(establishment)]
    }

    /// Each row's unit as a dense number, and the ids by number (kept after `groupByMunicipality`).
    func unitNumbering(_ unit: Unit) -> (ofRow: [Int32], ids: [Int64]) {
        unitNumbers[unit] ?? numbered(unit == .enterprise ? enterprise : establishment)
    }

    private func numbered(_ column: [Int64]) -> (ofRow: [Int32], ids: [Int64]) {
        var number: [Int64: Int32] = [:]
        var ids: [Int64] = []
        let ofRow = column.map { id -> Int32 in
            if let known = number[id] { return known }
            let next = Int32(ids.count)
            number[id] = next
            ids.append(id)
            return next
        }
        return (ofRow, ids)
    }

    /// The municipalities with at least one record, ascending.
    public func municipalitiesWithRecords() -> [String] {
        var seen = [Bool](repeating: false, count: municipalityCodes.count)
        for row in 0..<count { seen[Int(municipality[row])] = true }
        return municipalityCodes.indices.filter { seen[$0] }.map { municipalityCodes[$0] }.sorted()
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

    /// A postcode as one number: the four digits × 1000, plus 1 + the two letters (AA = 0 ... ZZ = 675)
    /// when it has them; 0 for an empty or malformed one. `8011AB` → 8_011_002, `8011` → 8_011_000.
    public static func postcodeNumber(_ text: String) -> Int32 {
        let bytes = Array(text.utf8.filter { $0 != UInt8(ascii: " ") })
        guard bytes.count == 4 || bytes.count == 6, bytes.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return 0 }
        let digits = bytes.prefix(4).reduce(Int32(0)) { $0 * 10 + Int32($1 - 0x30) }
        guard digits >= 1000 else { return 0 }
        guard bytes.count == 6 else { return digits * 1000 }
        let letters = bytes.suffix(2).map { $0 & 0xDF } // upper case
        guard letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return 0 }
        return digits * 1000 + 1 + Int32(letters[0] - 0x41) * 26 + Int32(letters[1] - 0x41)
    }

    /// For an area narrowed to postcodes: whether a row's postcode is one of them (a four-digit area
    /// takes every full postcode in it); nil for an area of whole municipalities.
    func postcodeTest(_ area: Area) -> ((Int) -> Bool)? {
        guard let postcodes = area.postcodes else { return nil }
        let numbers = Set(postcodes.map(Self.postcodeNumber).filter { $0 > 0 })
        return { row in
            let code = postcode[row]
            return code > 0 && (numbers.contains(code) || numbers.contains(code / 1000 * 1000))
        }
    }

    /// A lookup table over municipality indices: true where the municipality is in the area.
    func membership(of area: Area) -> [Bool] {
        municipalityCodes.map(area.municipalities.contains)
    }

    /// The years with at least one record anywhere, ascending.
    public var years: [Int] { years(in: Area(municipalities: Set(municipalityCodes))) }

    /// The years with at least one record in the area, ascending.
    public func years(in area: Area) -> [Int] {
        let member = membership(of: area)
        if !municipalityYears.isEmpty {
            var years = Set<Int>()
            for m in municipalityYears.indices where member[m] { years.formUnion(municipalityYears[m]) }
            return years.filter { $0 >= 0 }.sorted()
        }
        var seen = [Bool](repeating: false, count: Int(Int16.max) + 1)
        for row in 0..<count where member[Int(municipality[row])] { seen[Int(max(year[row], 0))] = true }
        return seen.indices.filter { seen[$0] }
    }
}
