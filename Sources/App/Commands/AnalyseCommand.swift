import Analysis
import Foundation
import Vapor

/// `vliegwiel analyse --register R.csv [--national N.csv] [--population P.csv] --area A --from Y
/// --to Y [--unit enterprise|establishment] [--hge-threshold 0.20] [--hge-min-size 10]
/// [--format json|table]`: the monitor figures straight from files, without a database
/// (PRODUCT.md "Data contracts"). Areas: a municipality (GM0193 or 0193), a COROP area (CR10), a
/// province (PV23), the configured region by its key (`regio-zwolle`), or all (one object keyed by
/// municipality code).
struct AnalyseCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "register", help: "register CSV (required)") var register: String?
        @Option(name: "national", help: "national jobs per SBI section CSV") var national: String?
        @Option(name: "population", help: "population CSV") var population: String?
        @Option(name: "area", help: "a municipality (GM and four digits), COROP area (CR10), province (PV23), the configured region's key or all") var area: String?
        @Option(name: "from", help: "first year") var from: Int?
        @Option(name: "to", help: "last year (the high-growth window ends here)") var to: Int?
        @Option(name: "unit", help: "enterprise (default) or establishment") var unit: String?
        @Option(name: "hge-threshold", help: "average annual growth, default 0.20") var threshold: String?
        @Option(name: "hge-min-size", help: "minimum jobs at the start, default 10") var minimumSize: Int?
        @Option(name: "format", help: "json (default) or table") var format: String?
        @Flag(name: "timings", help: "print how long reading and computing took to stderr") var timings: Bool
    }

    var help: String { "Computes the monitor figures of an area from CSV files (no database)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (output, timings) = try await Self.analyse(signature, region: context.application.config.region)
        FileHandle.standardOutput.write(output)
        FileHandle.standardError.write(Data(timings.utf8))
    }

    /// The output (JSON or table, ending in a line break) and, with `--timings`, the timings text.
    static func analyse(_ signature: Signature, region: AppConfig.Region) async throws -> (output: Data, timings: String) {
        guard let registerPath = signature.register, let areaText = signature.area, let from = signature.from, let to = signature.to else {
            throw CLIError.usage("--register, --area, --from and --to are required")
        }
        guard from < to else { throw CLIError.usage("--from \(from) must be before --to \(to)") }
        guard let unit = RegisterPanel.Unit(rawValue: signature.unit ?? "enterprise") else {
            throw CLIError.usage("--unit must be enterprise or establishment, not '\(signature.unit ?? "")'")
        }
        let rule = try Self.rule(threshold: signature.threshold, minimumSize: signature.minimumSize)
        let format = signature.format ?? "json"
        guard ["json", "table"].contains(format) else { throw CLIError.usage("--format must be json or table") }

        let reference = try ReferenceData.shared.get()
        let rules = reference.registerRules()
        let area = try areaText.lowercased() == "all" ? nil : Self.area(areaText, region: region, reference: reference)
        // The small files first, so that a mistake in one of them is found before the long read.
        var national: [Int: [String: Int]]?
        if let path = signature.national {
            let rows = try await Self.rejectionsAsErrors { try NationalJobsCSV.read(try Self.bytes(path), file: Self.name(path), years: rules.years) }
            var byYear: [Int: [String: Int]] = [:]
            for row in rows where row.division == nil { byYear[row.year, default: [:]][row.section] = row.jobs }
            for year in [from, to] where byYear[year] == nil {
                throw CLIError.usage("\(Self.name(path)) has no national jobs for \(year)")
            }
            national = byYear
        }
        var population: [String: Int]?
        if let path = signature.population {
            let rows = try await Self.rejectionsAsErrors {
                try PopulationCSV.read(try Self.bytes(path), file: Self.name(path), municipalities: rules.municipalities, years: rules.years)
            }
            population = Dictionary(rows.filter { $0.year == to }.map { ($0.municipality, $0.inhabitants) }, uniquingKeysWith: { first, _ in first })
        }

        let clock = ContinuousClock()
        let started = clock.now
        // Only the years the figures need: the period's ends and the start of the high-growth window.
        var loaded = try await Self.rejectionsAsErrors {
            try await RegisterFile.panel(path: registerPath, rules: rules, keepingYears: [from, to, to - 3])
        }
        let present = loaded.years
        let missing = Set([from, to, to - 3]).subtracting(present).sorted()
        if !missing.isEmpty {
            throw CLIError.usage("""
                \(Self.name(registerPath)) has no rows for \(missing.map(String.init).joined(separator: " and ")); \
                the figures need --from, --to and the start of the high-growth window (--to minus 3)
                """)
        }
        loaded.groupByMunicipality()
        let panel = loaded
        let read = clock.now
        let (nationalTotals, inhabitants) = (national, population)
        let report = { @Sendable (members: Set<String>, name: String) in
            MonitorReport(
                panel: panel, area: Area(municipalities: members), name: name, from: from, to: to, unit: unit, rule: rule,
                national: nationalTotals, inhabitants: inhabitants.flatMap { counts in Self.sum(members.map { counts[$0] }) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var output: Data
        var timings = ""
        if let (members, name) = area {
            let single = report(members, name)
            output = format == "json" ? try encoder.encode(single) : Data(Self.table(single).utf8)
            if signature.timings { timings += Self.timeToCompute(area: members, report: report, name: name) }
        } else {
            let codes = panel.municipalitiesWithRecords()
            let reports = await withTaskGroup(of: (String, MonitorReport).self) { group in
                for code in codes { group.addTask { (code, report([code], code)) } }
                return await group.reduce(into: [String: MonitorReport]()) { $0[$1.0] = $1.1 }
            }
            output = format == "json" ? try encoder.encode(reports) : Data(codes.map { Self.table(reports[$0]!) }.joined(separator: "\n").utf8)
        }
        output.append(contentsOf: "\n".utf8)
        if signature.timings {
            timings += "read \(panel.count) rows kept in \(read - started); figures and output in \(clock.now - read)\n"
        }
        return (output, timings)
    }

    /// The in-process time to compute every figure of one area from the panel in memory (the
    /// median of 25 runs).
    private static func timeToCompute(area: Set<String>, report: (Set<String>, String) -> MonitorReport, name: String) -> String {
        let clock = ContinuousClock()
        let runs = (0..<25).map { _ in clock.measure { _ = report(area, name) } }.sorted()
        return "all figures of \(name) from the panel in memory: \(runs[runs.count / 2]) (median of 25)\n"
    }

    /// The municipalities an area argument stands for, and the area's name in the output.
    static func area(_ text: String, region: AppConfig.Region, reference: ReferenceData) throws -> (Set<String>, String) {
        let upper = text.uppercased()
        let members: [ReferenceData.Municipality]
        if text.lowercased() == region.key {
            members = reference.members(of: region)
        } else if upper.hasPrefix("CR") {
            members = reference.municipalities.filter { $0.coropCode == upper }
        } else if upper.hasPrefix("PV") {
            members = reference.municipalities.filter { $0.provinceCode == upper }
        } else if let code = RegisterCSV.municipalityCode(text) {
            members = reference.municipalities.filter { $0.code == code }
        } else {
            members = []
        }
        guard !members.isEmpty else {
            throw CLIError.usage("--area '\(text)' is not a municipality (GM and four digits), COROP area (CR10), province (PV23), \(region.key) or all")
        }
        return (Set(members.map(\.code)), text.lowercased() == region.key ? region.key : (members.count == 1 ? members[0].code : upper))
    }

    /// `--hge-threshold 0.20` as 2000 basis points (read as a decimal, so 0.20 is exactly 20%).
    static func rule(threshold: String?, minimumSize: Int?) throws -> HighGrowth.Rule {
        let text = threshold ?? "0.20"
        guard let value = Decimal(string: text), value > 0, value < 10 else {
            throw CLIError.usage("--hge-threshold must be a growth rate such as 0.20, not '\(text)'")
        }
        let minimum = minimumSize ?? 10
        guard minimum >= 0 else { throw CLIError.usage("--hge-min-size must not be negative") }
        return HighGrowth.Rule(thresholdBasisPoints: NSDecimalNumber(decimal: value * 10_000).intValue, minimumSize: minimum)
    }

    private static func sum(_ counts: [Int?]) -> Int? {
        counts.contains(nil) ? nil : counts.compactMap { $0 }.reduce(0, +)
    }

    private static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read \(path)")
        }
        return Array(data)
    }

    private static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    private static func rejectionsAsErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let rejected as ImportRejected {
            throw CLIError.rejected(rejected.report(consequence: "nothing was analysed"))
        } catch let unreadable as RegisterFile.Unreadable {
            throw CLIError.usage(unreadable.description)
        }
    }

    /// A short plain-text summary for people.
    static func table(_ report: MonitorReport) -> String {
        var lines = ["\(report.area) \(report.from)-\(report.to) (\(report.unit))"]
        lines.append("  jobs            \(Format.integer(report.jobs.from)) -> \(Format.integer(report.jobs.to))")
        lines.append("  establishments  \(Format.integer(report.establishments.from)) -> \(Format.integer(report.establishments.to))")
        lines.append("  high-growth     \(report.highGrowth.count) (gazelles \(report.gazelles.count)) in \(report.to - 3)-\(report.to)")
        if let perThousand = report.jobsPer1000Inhabitants {
            lines.append("  jobs per 1,000 inhabitants  \(Format.decimal(perThousand))")
        }
        if let shift = report.shiftShare {
            lines.append("  shift-share     national \(Format.decimal(shift.nationalShare)), mix \(Format.decimal(shift.industryMix)), regional \(Format.decimal(shift.regionalShift))")
        }
        for section in SBI.sections {
            let lq = report.lqBySection?.to[section].flatMap { $0 }.map { "  LQ \(Format.decimal($0, digits: 2))" } ?? ""
            lines.append("  \(section)  \(Format.integer(report.jobsBySection.from[section] ?? 0)) -> \(Format.integer(report.jobsBySection.to[section] ?? 0))\(lq)")
        }
        return lines.joined(separator: "\n")
    }
}
