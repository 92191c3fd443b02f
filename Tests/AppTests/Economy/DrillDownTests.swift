@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every figure on the monitor pages links to the records behind it, and the list of records
/// adds up to the figure (issue 4).
struct DrillDownTests {
    /// The `href` values of a page, with `&amp;` read back as `&`.
    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// Opens a link and returns the page.
    static func follow(_ link: String, in app: Application, session: TestSession) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.GET, link, headers: session.headers) { result = ($0.status, $0.body.string) }
        return result
    }

    static func page(_ path: String, in app: Application, session: TestSession) async throws -> String {
        let (status, body) = try await follow(path, in: app, session: session)
        #expect(status == .ok, "\(path): \(body.prefix(300))")
        return body
    }

    @Test func aSizeClassLinksToItsEnterprises() async throws {
        try await SectorsPageTests().withRegister { app, session in
            // Zwolle 2020: enterprises of 200, 250 and 40 jobs.
            let body = try await Self.page("/economie/bedrijfsgrootte?gebied=GM0193&tot=2020", in: app, session: session)
            let link = try #require(Self.links(in: body).first { $0.contains("grootte=250%2B") && $0.contains("eenheid=enterprise") })
            let (status, list) = try await Self.follow(link, in: app, session: session)
            #expect(status == .ok)
            #expect(list.contains("1 onderneming met samen 250 banen"))
            #expect(list.contains("Zorg Twee") && !list.contains("Software Een"))
            let (_, small) = try await Self.follow("/economie/vestigingen?gebied=GM0193&jaar=2020&grootte=10-49", in: app, session: session)
            #expect(small.contains("1 vestiging met samen 40 banen") && small.contains("Uitgever Drie"))
        }
    }

    @Test func theRegionAndOverviewFiguresLinkToRecordsThatAddUpToThem() async throws {
        try await SectorsPageTests().withRegister { app, session in
            let region = try await Self.page("/economie/regio?van=2010&tot=2020", in: app, session: session)
            #expect(Self.links(in: region).contains("/economie/vestigingen?gebied=GM0193&jaar=2020"))
            #expect(Self.links(in: region).contains("/economie/vestigingen?gebied=GM0166&jaar=2020"), "the map links each municipality")
            let zwolle = try await Self.page("/economie/vestigingen?gebied=GM0193&jaar=2020", in: app, session: session)
            #expect(zwolle.contains("3 vestigingen met samen 490 banen"))
            let overview = try await Self.page("/economie?gebied=GM0193&van=2010&tot=2020", in: app, session: session)
            #expect(Self.links(in: overview).contains("/economie/vestigingen?gebied=GM0193&jaar=2010"))
            let earlier = try await Self.page("/economie/vestigingen?gebied=GM0193&jaar=2010", in: app, session: session)
            #expect(earlier.contains("2 vestigingen met samen 420 banen"))
        }
    }

    @Test func aPostcodeAreaAndAnEnterpriseHaveTheirOwnLists() async throws {
        try await SectorsPageTests().withRegister { app, session in
            let postcode = try await Self.page("/economie/vestigingen?gebied=GM0193&jaar=2020&postcode=8012", in: app, session: session)
            #expect(postcode.contains("2 vestigingen met samen 290 banen"))
            let firm = try await Self.page("/economie/vestigingen?gebied=GM0193&jaar=2010&kvk=00000001", in: app, session: session)
            #expect(firm.contains("1 vestiging met samen 120 banen") && firm.contains("Software Een"))
            let (_, csv) = try await Self.follow("/economie/vestigingen?gebied=GM0193&jaar=2020&eenheid=enterprise&formaat=csv", in: app, session: session)
            let lines = csv.split(separator: "\n").map(String.init)
            #expect(lines.first == "kvk_nummer,naam,sbi,gemeente,postcode,vestigingen,banen")
            let jobs: [Int] = lines.dropFirst().compactMap { line in line.split(separator: ",").last.flatMap { Int($0) } }
            #expect(jobs.reduce(0, +) == 490, "the CSV adds up to the page")
        }
    }

    @Test(arguments: [
        ("grootte=7-8", "Grootte '7-8' bestaat niet; kies voor grootte 1, 2-4"),
        ("postcode=80", "'80' is geen postcodegebied"),
        ("kvk=123", "'123' is geen KvK-nummer"),
        ("eenheid=kantoor", "Eenheid 'kantoor' bestaat niet"),
        ("sbi=ZZ", "'ZZ' is geen SBI-sectie"),
        ("sorteer=omzet", "Sorteer 'omzet' bestaat niet; kies voor sorteer banen, naam of sbi"),
    ])
    func aBadFilterGetsAClearMessage(parameter: String, message: String) async throws {
        try await SectorsPageTests().withRegister { app, session in
            let (status, body) = try await Self.follow("/economie/vestigingen?gebied=GM0193&jaar=2020&\(parameter)", in: app, session: session)
            #expect(status == .badRequest)
            #expect(body.contains(message), "\(body.prefix(500))")
        }
    }
}

/// The English switch: Dutch by default, `?taal=en` for English, remembered in a cookie (issue 4).
struct LanguageTests {
    @Test func numbersAreWrittenTheReadersWay() {
        #expect(Format.integer(100290) == "100.290" && Format.signedPercent(0.145) == "+14,5%")
        Language.$current.withValue(.english) {
            #expect(Format.integer(100290) == "100,290" && Format.signedPercent(0.145) == "+14.5%")
            #expect(Format.decimal(-1234.56, digits: 1) == "-1,234.6")
        }
    }

    @Test func thePagesSwitchToEnglishAndBack() async throws {
        try await SectorsPageTests().withRegister { app, session in
            let dutch = try await DrillDownTests.page("/economie/sectoren?gebied=GM0193&van=2010&tot=2020", in: app, session: session)
            #expect(dutch.contains(#"<html lang="nl">"#) && dutch.contains("Sectoren in Zwolle, 2010-2020") && dutch.contains("-16,7%"))
            #expect(DrillDownTests.links(in: dutch).contains("/economie/sectoren?gebied=GM0193&van=2010&tot=2020&taal=en"), "the switch keeps the view")

            var cookie: String?
            try await app.testing().test(.GET, "/economie/sectoren?gebied=GM0193&van=2010&tot=2020&taal=en", headers: session.headers) { response in
                let body = response.body.string
                #expect(body.contains(#"<html lang="en">"#))
                #expect(body.contains("Sectors in Zwolle, 2010-2020") && body.contains("J Information and communication: +120"))
                #expect(body.contains("-16.7%") && body.contains("Jobs: 420 → 490") && body.contains("Source: "))
                cookie = response.headers.setCookie?[LanguageMiddleware.cookie]?.string
            }
            #expect(cookie == "en")
            var headers = session.headers
            headers.replaceOrAdd(name: .cookie, value: (headers.first(name: .cookie) ?? "") + "; \(LanguageMiddleware.cookie)=en")
            try await app.testing().test(.GET, "/economie/specialisatie?gebied=GM0193&van=2010&tot=2020", headers: headers) { response in
                #expect(response.body.string.contains("Specialisation of Zwolle"), "the choice is remembered")
            }
            try await app.testing().test(.GET, "/economie/sectoren?gebied=GM9999&taal=en", headers: headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("is not a municipality or area"), "errors in the reader's language")
            }
            try await app.testing().test(.GET, "/beheer/audit", headers: headers) { response in
                #expect(response.status == .forbidden && response.body.string.contains("gives no access"), "refusals in English too")
            }
            try await app.testing().test(.GET, "/economie/sectoren?gebied=GM0193&taal=nl", headers: headers) { response in
                #expect(response.body.string.contains("Sectoren in Zwolle"))
                #expect(response.headers.setCookie?[LanguageMiddleware.cookie]?.string == "nl")
            }
        }
    }
}
