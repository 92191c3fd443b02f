@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// Moving between the monitor's tabs keeps the area and the years (issue 13).
struct KeptSelectionTests {
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Kamper Software,62.01,8261AB,GM0166,2012,10,0,2005",
        "000000000001,00000001,Kamper Software,62.01,8261AB,GM0166,2015,12,0,2005",
        "000000000001,00000001,Kamper Software,62.01,8261AB,GM0166,2017,15,0,2005",
        "000000000001,00000001,Kamper Software,62.01,8261AB,GM0166,2020,30,0,2005",
        "000000000002,00000002,Zwolse Zorg,86.10,8011AB,GM0193,2012,100,0,1990",
        "000000000002,00000002,Zwolse Zorg,86.10,8011AB,GM0193,2020,120,0,1990",
    ].joined(separator: "\n")

    /// The links of the monitor's tab bar on a page.
    static func tabs(_ html: String) throws -> [String] {
        let bar = try #require(html.range(of: #"<nav class="subnav""#).map { String(html[$0.lowerBound...]) })
        let end = try #require(bar.range(of: "</nav>"))
        return DrillDownTests.links(in: String(bar[..<end.lowerBound]))
    }

    @Test func everyTabKeepsTheAreaAndTheYears() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let session = try await app.session(as: .viewer)
            let start = "/economie/sectoren?gebied=GM0166&van=2012&tot=2020"
            // The monitor's tabs keep the selection; the others (places, comparison, ecosystem) have their own choices.
            let monitor = Set(Layout.selectionTabs.map(\.path))
            let isMonitor = { (link: String) in monitor.contains(String(link.prefix { $0 != "?" })) }
            let all = try Self.tabs(try await DrillDownTests.page(start, in: app, session: session))
            #expect(all.filter { !isMonitor($0) } == ["/economie/plekken", "/economie/vergelijking", "/economie/ecosysteem"])
            for page in all where isMonitor(page) {
                #expect(page.contains("gebied=GM0166") && page.contains("van=2012") && page.contains("tot=2020"), "\(page)")
                // Every tab opens on the same selection, and its own tabs keep it again.
                let html = try await DrillDownTests.page(page, in: app, session: session)
                #expect(html.contains("Kampen") && html.contains("2020"), "\(page)")
                for next in try Self.tabs(html) where isMonitor(next) {
                    #expect(next.contains("gebied=GM0166") && next.contains("van=2012") && next.contains("tot=2020"), "\(page) → \(next)")
                }
            }
            // Through a one-year page and back, the period is the one chosen.
            let size = try await DrillDownTests.page("/economie/bedrijfsgrootte?gebied=GM0166&van=2012&tot=2020", in: app, session: session)
            let back = try #require(try Self.tabs(size).first { $0.hasPrefix("/economie/sectoren") })
            #expect(try await DrillDownTests.page(back, in: app, session: session).contains("Sectoren in Kampen, 2012-2020"))
            // The establishments list keeps the area and its year.
            let list = try await DrillDownTests.page("/economie/vestigingen?gebied=GM0166&jaar=2017", in: app, session: session)
            #expect(try Self.tabs(list).filter(isMonitor).allSatisfy { $0.contains("gebied=GM0166") && $0.contains("tot=2017") })
        }
    }
}
