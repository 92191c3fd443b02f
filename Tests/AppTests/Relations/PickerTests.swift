@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Pickers that scale (issue 13): the server's search behind them, the search step that works
/// without JavaScript, and adding a person with a role from an organisation's page.
struct PickerTests {
    typealias Web = OrganisationTests

    private static func options(_ path: String, as session: TestSession, in app: Application) async throws -> [Picker.Option] {
        let response = try await Web.get(path, as: session, in: app)
        #expect(response.status == .ok, "\(response.body.string.prefix(300))")
        return try JSONDecoder().decode([Picker.Option].self, from: Data(response.body.readableBytesView))
    }

    @Test func theSearchFindsByPartOfTheNameThoseStartingWithItFirst() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            for name in ["Bakkerij Vos", "Vos Logistiek", "De Vossenburcht", "Hanze Software", "100% Groen", "Tien_Twintig"] {
                _ = try await PeopleAndContactTests.organisation(name, as: session, in: app)
            }
            for number in 1...30 { _ = try await PeopleAndContactTests.organisation("Vos \(number)", as: session, in: app) }
            let vos = try await Self.options("/relaties/kiezen?bron=organisaties&q=vos", as: session, in: app)
            #expect(vos.count == Picker.matches, "at most 20 of 33 matches")
            #expect(vos.prefix(20).allSatisfy { $0.label.lowercased().hasPrefix("vos") }, "names that start with 'vos' come first: \(vos.map(\.label))")
            let burcht = try await Self.options("/relaties/kiezen?bron=organisaties&q=SSENBU", as: session, in: app)
            #expect(burcht.map(\.label) == ["De Vossenburcht"], "any case, any part of the name")
            // % and _ are letters, not wildcards.
            #expect(try await Self.options("/relaties/kiezen?bron=organisaties&q=%25", as: session, in: app).map(\.label) == ["100% Groen"])
            #expect(try await Self.options("/relaties/kiezen?bron=organisaties&q=_", as: session, in: app).map(\.label) == ["Tien_Twintig"])
            #expect(try await Self.options("/relaties/kiezen?bron=organisaties&q=%00qqq", as: session, in: app).isEmpty, "a NUL does not end the search text")

            // People are named with their organisation, so two of the same name can be told apart.
            let hanze = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Hanze Software").first()?.requireID())
            let anna = try await PeopleAndContactTests.person(["name": "Anna Visser"], as: session, in: app)
            _ = try await Web.post("/relaties/personen/\(anna)/rollen", ["organisation": hanze.uuidString, "title": "Directeur"], as: session, in: app)
            let people = try await Self.options("/relaties/kiezen?bron=personen&q=visser", as: session, in: app)
            #expect(people == [Picker.Option(id: anna.uuidString, label: "Anna Visser (Hanze Software)")])
            let users = try await Self.options("/relaties/kiezen?bron=gebruikers&q=\(session.user.name.prefix(4))", as: session, in: app)
            #expect(users.contains { $0.id == session.user.id!.uuidString })

            let unknown = try await Web.get("/relaties/kiezen?bron=klanten&q=vos", as: session, in: app)
            #expect(unknown.status == .badRequest && unknown.body.string.contains("organisaties, personen, gebruikers of onderwerpen"))
            let reader = try await app.session(as: .viewer)
            let refused = try await Web.get("/relaties/kiezen?bron=personen&q=a", as: reader, in: app)
            #expect(refused.status == .forbidden, "only those who fill in the forms search with the pickers")
        }
    }

    @Test func withoutJavaScriptTheSearchIsAStepOfTheFormThatSavesNothing() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let vos = try await PeopleAndContactTests.organisation("Bakkerij Vos", as: session, in: app)
            _ = try await PeopleAndContactTests.organisation("Vos Logistiek", as: session, in: app)
            let form = ["date": "2025-03-14", "kind": "visit", "organisations[]": vos.uuidString, "notes": "Over de nieuwe oven"]

            // The search button of the people picker: the form comes back as filled in, with what was found.
            let searched = try await Web.post("/relaties/contactmomenten", form.merging(["zoeken": "organisations", "zoek_organisations": "logist"]) { $1 },
                                              as: session, in: app)
            #expect(searched.status == .ok)
            #expect(try await ContactMoment.query(on: app.db).count() == 0, "a search step saves nothing")
            let page = searched.body.string
            let logistiek = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Vos Logistiek").first()?.requireID())
            #expect(page.contains(#"<input type="checkbox" name="organisations[]" value="\#(vos)" checked="checked"> Bakkerij Vos"#), "what was chosen stays chosen")
            #expect(page.contains(#"<input type="checkbox" name="organisations[]" value="\#(logistiek)"> Vos Logistiek"#), "the match, to tick")
            #expect(page.contains("Over de nieuwe oven"), "what was typed is kept")
            #expect(page.contains(#"name="zoek_organisations" value="""#), "the search field is empty again, so that saving saves")

            // Saving with text left in a search field is a search too: the user had not chosen yet.
            let leftOver = try await Web.post("/relaties/contactmomenten", form.merging(["zoek_organisations": "Vos"]) { $1 }, as: session, in: app)
            #expect(leftOver.status == .ok && leftOver.body.string.contains("Vos Logistiek"))
            #expect(try await ContactMoment.query(on: app.db).count() == 0)

            let nothing = try await Web.post("/relaties/contactmomenten", form.merging(["zoeken": "organisations", "zoek_organisations": "qqq"]) { $1 },
                                             as: session, in: app)
            #expect(nothing.body.string.contains("Niets gevonden voor &#39;qqq&#39;") || nothing.body.string.contains("Niets gevonden voor 'qqq'"))

            // Ticked and saved: both organisations.
            let saved = try await Web.post("/relaties/contactmomenten", form.merging(["organisations[]": "\(vos.uuidString),\(logistiek.uuidString)"]) { $1 },
                                           as: session, in: app)
            #expect(saved.status == .seeOther)
            let moment = try #require(try await ContactMoment.query(on: app.db).first())
            let links = try await ContactMomentService(database: app.db, actor: .system).links(of: moment.requireID())
            #expect(Set(links[.organisations] ?? []) == [vos, logistiek])
        }
    }

    @Test func aPersonIsAddedWithARoleFromTheOrganisationsPage() async throws {
        try await withTestApp { app in
            let session = try await app.session(as: .accountmanager)
            let company = try await PeopleAndContactTests.organisation("Zeilmakerij", as: session, in: app)
            let page = try await Web.get("/relaties/organisaties/\(company)", as: session, in: app).body.string
            #expect(page.contains(#"action="/relaties/organisaties/\#(company)/personen""#) && page.contains("Persoon toevoegen"))

            // A new person, by name.
            let added = try await Web.post("/relaties/organisaties/\(company)/personen", ["name": "Joris Zeil", "email": "joris@example.org", "title": "Eigenaar"],
                                           as: session, in: app)
            #expect(added.status == .seeOther && added.headers.first(name: .location) == "/relaties/organisaties/\(company)#mensen")
            let joris = try #require(try await Person.query(on: app.db).filter(\.$name == "Joris Zeil").first())
            let role = try #require(try await Affiliation.query(on: app.db).filter(\.$person.$id == joris.requireID()).first())
            #expect(role.$organisation.id == company && role.title == "Eigenaar" && joris.email == "joris@example.org")

            // Someone known, found with the picker's search step, then chosen.
            let other = try await PeopleAndContactTests.organisation("Touwslagerij", as: session, in: app)
            let step = try await Web.post("/relaties/organisaties/\(other)/personen", ["zoeken": "person", "zoek_person": "zeil"], as: session, in: app)
            let jorisID = try joris.requireID()
            #expect(step.status == .ok && step.body.string.contains(#"<input type="radio" name="person" value="\#(jorisID)"> Joris Zeil (Zeilmakerij)"#))
            let chosen = try await Web.post("/relaties/organisaties/\(other)/personen", ["person": try joris.requireID().uuidString, "title": "Adviseur"],
                                            as: session, in: app)
            #expect(chosen.status == .seeOther)
            #expect(try await Affiliation.query(on: app.db).filter(\.$person.$id == joris.requireID()).count() == 2)

            // Neither, or both: refused in the user's words, nothing written.
            let neither = try await Web.post("/relaties/organisaties/\(other)/personen", ["title": "Adviseur"], as: session, in: app)
            #expect(neither.status == .unprocessableEntity && neither.body.string.contains("Bekende persoon: Kies een persoon"))
            let both = try await Web.post("/relaties/organisaties/\(other)/personen", ["person": try joris.requireID().uuidString, "name": "Nog een"],
                                          as: session, in: app)
            #expect(both.status == .unprocessableEntity && both.body.string.contains("niet allebei"))
            #expect(try await Person.query(on: app.db).count() == 1)
        }
    }
}
