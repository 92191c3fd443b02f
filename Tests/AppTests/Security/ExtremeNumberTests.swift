@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, item 3: numbers from a request are bounded before any arithmetic. Extreme
/// values to every numeric parameter of every route give a 4xx, and the server keeps answering.
struct ExtremeNumberTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    static let numeric = ["pagina", "page", "page_size", "van", "tot", "jaar"]
    static let extremes = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e400", "-1"]

    @Test func extremeValuesToEveryNumericParameterGetA4xx() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let admin = try await app.session(as: .admin)
            let (headers, _) = try await API.token(.admin, in: app)
            let records = try await HostileInputTests.hostileRecords(in: app, admin: admin)
            for path in HostileInputTests.pages(of: app, records: records) {
                for (parameter, value) in Self.numeric.flatMap({ name in Self.extremes.map { (name, $0) } }) {
                    let url = "\(path)?\(parameter)=\(value)"
                    let status = path.hasPrefix("/api/")
                        ? try await API.call(.GET, url, headers: headers, in: app).status
                        : try await Web.get(url, as: admin, in: app).status
                    #expect(status.code < 500, "\(url) gave \(status)")
                }
            }
            try await app.testing().test(.GET, "/health") { #expect($0.status == .ok) }
        }
    }

    @Test(arguments: [
        ("/relaties?pagina=9223372036854775807", "pagina"),
        ("/relaties/contactmomenten?pagina=9223372036854775807", "pagina"),
        ("/relaties/personen?pagina=abc", "pagina"),
        ("/economie?tot=-9223372036854775808", "tot"),
        ("/economie?van=-9223372036854775808&tot=2020", "van"),
        ("/economie/snelle-groeiers?tot=-9223372036854775808", "tot"),
        ("/economie/vestigingen?jaar=9223372036854775807", "jaar"),
        ("/beheer/audit?pagina=9223372036854775807", "pagina"),
    ])
    func aBadNumberIsA400NamingTheParameter(url: String, parameter: String) async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let response = try await Web.get(url, as: try await app.session(as: .admin), in: app)
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("De parameter \(parameter) moet een geheel getal"))
        }
    }

    @Test func theAPISaysWhichParameterIsWrongAsProblemJSON() async throws {
        try await withTestApp { app in
            let (headers, _) = try await API.token(.viewer, in: app)
            for url in ["/api/v1/contact-moments?page=9223372036854775807", "/api/v1/people?page_size=100000"] {
                let response = try await API.call(.GET, url, headers: headers, in: app)
                #expect(response.status == .badRequest && response.headers.contentType?.description.contains("problem+json") == true)
                #expect(response.body.string.contains(url.contains("page_size") ? "page_size" : "page"))
            }
        }
    }
}
