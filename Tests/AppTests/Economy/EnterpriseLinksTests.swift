@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// Figures lead to firms, firms lead to relations; the establishments list is filtered on the
/// page, and SBI codes are read as users write them (issue 13).
struct EnterpriseLinksTests {
    @Test func theListLinksEachFirmToItsHistoryAndItsOrganisation() async throws {
        try await SectorsPageTests().withRegister { app, session in
            var input = OrganisationInput(kind: "company", name: "Software Een BV")
            input.kvkNumber = "00000001"
            let organisation = try await OrganisationService(database: app.db, actor: .system)
                .create(try input.validated(reference: try ReferenceData.shared.get(), users: UserDirectory([])))
            let list = try await DrillDownTests.page("/economie/vestigingen?gebied=GM0193&jaar=2020", in: app, session: session)
            let links = DrillDownTests.links(in: list)
            #expect(links.contains("/economie/ondernemingen/00000001") && links.contains("/economie/ondernemingen/00000002"))
            #expect(links.contains("/relaties/organisaties/\(try organisation.requireID())"), "the firm's organisation in Relaties")
            #expect(list.contains("<td>Zwolle</td>") && !list.contains("<td>GM0193</td>"), "municipality names, not codes")
            #expect(list.contains(#"<form class="inline selector" method="get" action="/economie/vestigingen">"#) && list.contains(#"<select id="grootte""#))
            #expect(list.contains("Bron: vestigingenregister 2020"), "a source line")

            let firm = try await DrillDownTests.page("/economie/ondernemingen/00000001", in: app, session: session)
            #expect(firm.contains("Software Een (KvK 00000001)") && firm.contains("200 banen in 2020"))
            #expect(firm.contains("<th scope=\"row\">2010</th><td class=\"number\">1</td><td class=\"number\">120</td>"), "its history per year")
            #expect(DrillDownTests.links(in: firm).contains("/relaties/organisaties/\(try organisation.requireID())"))
            let other = try await DrillDownTests.page("/economie/ondernemingen/00000002", in: app, session: session)
            #expect(other.contains("Nog geen organisatie in Relaties"))
            #expect(try await DrillDownTests.follow("/economie/ondernemingen/99999999", in: app, session: session).0 == .notFound)
            #expect(try await DrillDownTests.follow("/economie/ondernemingen/12ab", in: app, session: session).0 == .badRequest)

            let page = try await DrillDownTests.page("/relaties/organisaties/\(try organisation.requireID())", in: app, session: session)
            #expect(page.contains("Vestigingen in 2020") && DrillDownTests.links(in: page).contains("/economie/ondernemingen/00000001"))
        }
    }

    @Test(arguments: [
        ("sbi=62.01", "1 vestiging met samen 200 banen"),
        ("sbi=6201", "1 vestiging met samen 200 banen"),
        ("sbi=62.01,86.10", "2 vestigingen met samen 450 banen"),
        ("sbi=j%20q", "3 vestigingen met samen 490 banen"),
        ("sbi=58.1", "1 vestiging met samen 40 banen"),
    ])
    func sbiCodesAreReadAsThePagesPrintThem(parameter: String, expected: String) async throws {
        try await SectorsPageTests().withRegister { app, session in
            let list = try await DrillDownTests.page("/economie/vestigingen?gebied=GM0193&jaar=2020&\(parameter)", in: app, session: session)
            #expect(list.contains(expected), "\(parameter)")
        }
    }

    @Test func aYearWithoutDataIsAnErrorNotAnEmptyList() async throws {
        try await SectorsPageTests().withRegister { app, session in
            let (status, body) = try await DrillDownTests.follow("/economie/vestigingen?gebied=GM0193&jaar=2015", in: app, session: session)
            #expect(status == .badRequest && body.contains("Voor 2015 zijn er geen registergegevens voor Zwolle; kies een jaar tussen 2010 en 2020."))
        }
    }

    @Test func fastGrowersLinkToTheirHistory() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(FastGrowersPageTests.register))
            let session = try await app.session(as: .viewer)
            let page = try await DrillDownTests.page("/economie/snelle-groeiers?gebied=GM0193&tot=2018", in: app, session: session)
            #expect(DrillDownTests.links(in: page).contains("/economie/ondernemingen/00000003"))
            let firm = try await DrillDownTests.page("/economie/ondernemingen/00000003", in: app, session: session)
            #expect(firm.contains("Snelle groeier en gazelle in 2015-2018"))
        }
    }
}
