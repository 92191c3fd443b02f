import Fluent
import Vapor

/// Programma > Aanjaagteam: the members and meetings, adding a member, ending a seat.
struct DriverTeamController {
    func index(_ request: Request) async throws -> Response {
        let model = try await DriverTeamPage.query(mayEdit: request.may(.editProgramme), on: request.db)
        return .html(DriverTeamPage.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    struct MemberForm: Content {
        var person: String?
        var side: String?
        var since: String?
    }

    func addMember(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(MemberForm.self)
        return try await request.saving(pickers: DriverTeamPage.pickers, {
            var check = FieldCheck()
            let person = check.required("person", form.person, maxLength: 40)
            let id = person.flatMap(UUID.init(uuidString:))
            if person != nil, id == nil { check.report("person", localized("kies een persoon", "choose a person")) }
            let side = check.requiredChoice("side", form.side, as: DriverTeamMember.Side.self)
            let since = check.requiredDate("since", form.since)
            try check.throwIfAny()
            try await DriverTeamService(database: request.db, actor: request.auditActor).add(person: id!, side: side!, since: since!)
            return SiteURL.driverTeam.path
        }, orShow: { problems in
            var model = try await DriverTeamPage.query(mayEdit: true, on: request.db)
            model.person = try await PickerService(database: request.db).field(.people, "person", chosen: [form.person].compactMap { $0 },
                                                                               search: request.pickerSearch(among: DriverTeamPage.pickers))
            (model.side, model.since, model.problems) = (form.side, form.since, problems)
            return .html(DriverTeamPage.View(model: model, viewer: try await request.signedInViewer()).render())
        })
    }

    func endMembership(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let member = try await DriverTeamMember.find(try request.id(), on: request.db, missing: localized("Deze zetel bestaat niet (meer).", "This seat does not exist (any more)."))
        try await DriverTeamService(database: request.db, actor: request.auditActor).end(member)
        return request.redirect(to: SiteURL.driverTeam.path)
    }
}
