import Analysis
import Foundation

/// The real reference data shipped in Resources/Reference (Bron: CBS, CC BY 4.0): SBI 2008,
/// the municipalities of 2024, population 2019 and 2024, the postcode areas of the municipalities it covers.
struct ReferenceData: Sendable {
    struct SBICode: Sendable {
        let code: String
        let digits: String
        let level: String
        let section: String
        let parent: String?
        let labelNL: String
        let labelEN: String
    }

    struct Municipality: Sendable {
        let code: String
        let name: String
        let coropCode: String
        let coropName: String
        let provinceCode: String
        let provinceName: String
        let inhabitants2024: Int
    }

    let sbiCodes: [SBICode]
    let municipalities: [Municipality]
    /// Inhabitants on 1 January 2019 by municipality code (of the 2019 division).
    let population2019: [String: Int]
    /// Four-digit postcode areas by municipality code (only for the municipalities the shipped
    /// postcode file covers).
    let postcodeAreas: [String: [String]]
    /// Every SBI code by its digits (`6201` → `62.01`), for checking codes typed with or without dots.
    let sbiCodeByDigits: [String: String]
    /// The municipality codes, for checking a code.
    let municipalityCodes: Set<String>
    /// The municipalities' names by code, for pages that show a code's name.
    let municipalityNames: [String: String]
    /// The municipalities by code (the monitor looks one up on every request).
    let municipalityByCode: [String: Municipality]
    /// The 40 COROP regions: code and name, by code.
    let coropRegions: [String: String]

    init(sbiCodes: [SBICode], municipalities: [Municipality], population2019: [String: Int], postcodeAreas: [String: [String]]) {
        self.sbiCodes = sbiCodes
        self.municipalities = municipalities
        self.population2019 = population2019
        self.postcodeAreas = postcodeAreas
        sbiCodeByDigits = Dictionary(sbiCodes.map { ($0.digits, $0.code) }, uniquingKeysWith: { first, _ in first })
        municipalityCodes = Set(municipalities.map(\.code))
        municipalityNames = Dictionary(municipalities.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        municipalityByCode = Dictionary(municipalities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        coropRegions = Dictionary(municipalities.map { ($0.coropCode, $0.coropName) }, uniquingKeysWith: { first, _ in first })
    }

    /// A COROP region's code by its code or name, lowercased (`cr10`, `noord-overijssel`).
    var coropRegionsBySpelling: [String: String] {
        var result: [String: String] = [:]
        for (code, name) in coropRegions {
            result[code.lowercased()] = code
            result[name.lowercased()] = code
        }
        return result
    }

    static let shared: Result<ReferenceData, Error> = Result { try load() }

    static func load() throws -> ReferenceData {
        var rows = try open("sbi2008_upd2019_nl_en", required: ["code", "level", "section", "label_nl", "label_en"])
        var sbi: [SBICode] = []
        while rows.next() {
            let code = rows.text("code")
            let parent = rows.text("parent")
            sbi.append(SBICode(code: code, digits: SBI.digits(of: code), level: rows.text("level"), section: rows.text("section"),
                               parent: parent.isEmpty ? nil : parent, labelNL: rows.text("label_nl"), labelEN: rows.text("label_en")))
        }

        rows = try open("gemeenten_2024", required: ["gemeentecode", "gemeentenaam", "corop_code", "provincie_code", "inwoners_2024"])
        var municipalities: [Municipality] = []
        while rows.next() {
            municipalities.append(Municipality(
                code: rows.text("gemeentecode"), name: rows.text("gemeentenaam"),
                coropCode: rows.text("corop_code"), coropName: rows.text("corop_naam"),
                provinceCode: rows.text("provincie_code"), provinceName: rows.text("provincie_naam"),
                inhabitants2024: rows.count("inwoners_2024") ?? 0))
        }

        rows = try open("kwb2019_gemeenten_bevolking", required: ["unique_id", "population"])
        var population2019: [String: Int] = [:]
        while rows.next() { population2019[rows.text("unique_id")] = rows.count("population") }

        rows = try open("pc4_8000-8049_2021", required: ["pc4", "gemeente"])
        let codeByName = Dictionary(municipalities.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first })
        var postcodes: [String: [String]] = [:]
        while rows.next() {
            if let code = codeByName[rows.text("gemeente")] { postcodes[code, default: []].append(rows.text("pc4")) }
        }

        return ReferenceData(sbiCodes: sbi, municipalities: municipalities, population2019: population2019, postcodeAreas: postcodes)
    }

    private static func open(_ name: String, required: [String]) throws -> CSVRows {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Reference") else {
            throw ReferenceDataError.missing("\(name).csv")
        }
        let rows = CSVRows(bytes: Array(try Data(contentsOf: url)), required: required)
        if !rows.problems.isEmpty { throw ImportRejected(file: "\(name).csv", problems: rows.problems) }
        return rows
    }

    /// The municipalities of a region, by name.
    func members(of region: AppConfig.Region) -> [Municipality] {
        region.members.compactMap { municipalityByCode[$0] }.sorted { $0.name < $1.name }
    }

    /// The most detailed SBI codes: classes and subclasses without codes below them.
    var leafCodes: [SBICode] {
        let parents = Set(sbiCodes.compactMap(\.parent))
        return sbiCodes.filter { !parents.contains($0.code) && $0.digits.count >= 4 }
    }

    /// The descriptions of the SBI sections (by letter) and divisions (by two digits), in both languages.
    var sectionAndDivisionLabels: [String: Bilingual] {
        Dictionary(sbiCodes.filter { $0.level == "section" || $0.level == "division" }.map {
            ($0.level == "section" ? $0.code : $0.digits, Bilingual(dutch: $0.labelNL, english: $0.labelEN))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Register rows checked against the shipped SBI codes and municipalities (for work without
    /// a database; the importer checks against the database's tables).
    func registerRules(years: ClosedRange<Int> = RegisterCSV.Rules.defaultYears()) -> RegisterCSV.Rules {
        RegisterCSV.Rules(sbiCodes: sbiCodeByDigits, municipalities: municipalityCodes, years: years)
    }
}

enum ReferenceDataError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let file): "the reference file \(file) is missing from the package resources"
        }
    }
}
