/// Which establishments of the register belong to a cluster: those whose SBI code falls under one
/// of its prefixes (a section letter, or 2-5 digits), and those of enterprises or establishments
/// added as members; never those excluded (exclusion wins).
public struct ClusterDefinition: Sendable, Equatable {
    public var sbiPrefixes: [String]
    public var addedEnterprises: Set<Int64>
    public var addedEstablishments: Set<Int64>
    public var excludedEnterprises: Set<Int64>
    public var excludedEstablishments: Set<Int64>

    public init(sbiPrefixes: [String], addedEnterprises: Set<Int64> = [], addedEstablishments: Set<Int64> = [],
                excludedEnterprises: Set<Int64> = [], excludedEstablishments: Set<Int64> = []) {
        self.sbiPrefixes = sbiPrefixes
        self.addedEnterprises = addedEnterprises
        self.addedEstablishments = addedEstablishments
        self.excludedEnterprises = excludedEnterprises
        self.excludedEstablishments = excludedEstablishments
    }

    /// Whether an SBI code (dotted or not) falls under one of the prefixes.
    public func covers(sbi code: String) -> Bool {
        sbiPrefixes.contains { prefix in
            if let letter = prefix.first, letter.isLetter, prefix.count == 1 {
                return SBI.section(of: code) == prefix.uppercased()
            }
            return SBI.code(code, isUnder: prefix)
        }
    }

    /// Whether a unit belongs to the cluster: never when its enterprise or establishment is
    /// excluded; otherwise when its SBI code is `covered` or it was added.
    public func includes(enterprise: Int64, establishment: Int64, covered: Bool) -> Bool {
        if excludedEnterprises.contains(enterprise) || excludedEstablishments.contains(establishment) { return false }
        return covered || addedEnterprises.contains(enterprise) || addedEstablishments.contains(establishment)
    }
}

extension RegisterPanel {
    /// Calls `body` with every row of the area and year that belongs to the cluster.
    func forEachRow(in area: Area, year: Int, cluster: ClusterDefinition, _ body: (Int) -> Void) {
        let covered = sbiCodes.map(cluster.covers(sbi:))
        forEachRow(in: area, year: year) { row in
            if cluster.includes(enterprise: enterprise[row], establishment: establishment[row], covered: covered[Int(sbi[row])]) { body(row) }
        }
    }

    /// Jobs and establishments of the cluster in the area and year.
    public func counts(in area: Area, year: Int, cluster: ClusterDefinition) -> Counts {
        var counts = Counts()
        forEachRow(in: area, year: year, cluster: cluster) { row in
            counts.jobs += jobs(atRow: row)
            counts.establishments += 1
        }
        return counts
    }

    /// Jobs of the cluster per 2-digit SBI division (for a location quotient against national division data).
    public func jobsByDivision(in area: Area, year: Int, cluster: ClusterDefinition) -> [String: Int] {
        var totals: [String: Int] = [:]
        forEachRow(in: area, year: year, cluster: cluster) { row in
            totals[String(SBI.digits(of: sbiCodes[Int(sbi[row])]).prefix(2)), default: 0] += jobs(atRow: row)
        }
        return totals
    }

    /// The cluster's jobs per enterprise (KvK number) in the area and year.
    public func jobsByEnterprise(in area: Area, year: Int, cluster: ClusterDefinition) -> [Int64: Int] {
        var totals: [Int64: Int] = [:]
        forEachRow(in: area, year: year, cluster: cluster) { row in totals[enterprise[row], default: 0] += jobs(atRow: row) }
        return totals
    }
}

extension RegisterPanel {
    /// Establishments of the area and year that belong to at least one of the clusters (each counted once).
    public func establishments(in area: Area, year: Int, inAnyOf clusters: [ClusterDefinition]) -> Int {
        let covered = clusters.map { cluster in sbiCodes.map(cluster.covers(sbi:)) }
        var total = 0
        forEachRow(in: area, year: year) { row in
            let code = Int(sbi[row])
            if clusters.indices.contains(where: { clusters[$0].includes(enterprise: enterprise[row], establishment: establishment[row], covered: covered[$0][code]) }) {
                total += 1
            }
        }
        return total
    }
}
