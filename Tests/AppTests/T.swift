@testable import App
import Analysis
import Testing

@Test func demoQuick() throws {
    let reference = try ReferenceData.load()
    let regio = reference.regioZwolle.map { DemoRegister.Municipality(code: $0.code, inhabitants: $0.inhabitants2024) }
    let records = DemoRegister(municipalities: regio, zwollePostcodeAreas: reference.zwollePostcodeAreas).records()
    let panel = RegisterPanel(records: records)
    let z = Area.municipality("GM0193")
    print("rows", records.count, "regio", regio.count)
    print("2020 jobs", panel.jobs(in: z, year: 2020), "est", panel.establishments(in: z, year: 2020))
    let ict = ["58.2", "61", "62", "63", "47.91"]
    print("ict 2009", panel.jobs(in: z, year: 2009, sbiPrefixes: ict), "2019", panel.jobs(in: z, year: 2019, sbiPrefixes: ict))
    print("health 2009", panel.jobs(in: z, year: 2009, sbiPrefixes: ["86","87","88"]), "2019", panel.jobs(in: z, year: 2019, sbiPrefixes: ["86","87","88"]))
    for t in 2012...2025 { print("hge", t, panel.highGrowthUnits(in: z, endYear: t).count) }
    print("250+", panel.shareOfJobsInEnterprises(withAtLeast: 250, in: z, year: 2020))
    print("log", Double(panel.jobs(in: z, year: 2020, sbiPrefixes: ["46","49","50","51","52","53"])) / Double(panel.jobs(in: z, year: 2020)))
}
@Test func demoLines() throws {
    let reference = try ReferenceData.load()
    let regio = reference.regioZwolle.map { DemoRegister.Municipality(code: $0.code, inhabitants: $0.inhabitants2024) }
    let records = DemoRegister(municipalities: regio, zwollePostcodeAreas: reference.zwollePostcodeAreas).records()
    let panel = RegisterPanel(records: records)
    let z = Area.municipality("GM0193")
    for line in DemoProfile.lines {
        print(line.key, line.jobs2009, panel.jobs(in: z, year: 2009, sbiPrefixes: line.codes), line.jobs2019, panel.jobs(in: z, year: 2019, sbiPrefixes: line.codes))
    }
}
