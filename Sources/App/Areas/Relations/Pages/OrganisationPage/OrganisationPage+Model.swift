import Analysis
import Fluent
import Foundation
import SQLKit

/// One organisation: its details, its history in the register (jobs per year; whether it is a
/// high-growth enterprise), its people, contact moments and open follow-ups.
enum OrganisationPage {
    struct PersonRow: Sendable, Equatable {
        let id: UUID
        let name: String
        let title: String?
        let from: String?
        let to: String?
    }

    struct ContactRow: Sendable, Equatable {
        let id: UUID
        let date: String
        let kind: ContactMoment.Kind
        let notes: String?
    }

    /// One item of the organisation's activity: a contact moment, a question or a follow-up, by date.
    struct Activity: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case contact(ContactMoment.Kind), question(Question.Status), followUp(FollowUp.Status) }
        let date: String
        let kind: Kind
        let text: String
        let link: String?
    }

    struct FollowUpRow: Sendable, Equatable {
        let description: String
        let owner: String
        let dueOn: String
        let status: FollowUp.Status
    }

    /// The form to add a person with a role, as sent when it was refused or searched in.
    struct NewPerson: Sendable {
        var input = OrganisationPersonInput()
        var problems: [FieldProblem] = []
        var search: Picker.Search?
        /// The person picker as the form shows it.
        var picker = Picker.Field()
    }

    /// Its consent to be shown in the public showcase.
    struct ShowcaseConsent: Sendable, Equatable {
        let since: String
        let recordedBy: String?
        let description: String?
    }

    struct Model: Sendable {
        let id: UUID
        let input: OrganisationInput
        let kind: Organisation.Kind
        let accountManager: String?
        let municipalityNames: [String: String]
        let sbiLabel: Bilingual?
        let history: [Enterprise.Year]
        /// Its establishments in the latest register year it has.
        let establishments: [Enterprise.Establishment]
        /// The three-year window ending in the latest register year, when the enterprise is high-growth in it.
        let highGrowth: Enterprise.Growth?
        let people: [PersonRow]
        let contacts: [ContactRow]
        let followUps: [FollowUpRow]
        let showcase: ShowcaseConsent?
        /// Contact moments, questions and follow-ups together, latest first.
        var activity: [Activity] = []
        let mayEdit: Bool
        let isDemo: Bool
        var newPerson = NewPerson()
    }

    static func query(_ id: UUID, mayEdit: Bool, newPerson: NewPerson = NewPerson(), on database: Database) async throws -> Model {
        let organisation = try await OrganisationService.find(id, on: database)
        let service = OrganisationService(database: database, actor: .system)
        let establishments = try await service.establishments(of: id)
        let records = try await RegisterStore(database).records(kvk: organisation.kvkNumber, establishments: establishments)
        let history = Enterprise.history(records)
        let reference = try ReferenceData.shared.get()
        let people = try await Affiliation.query(on: database).filter(\.$organisation.$id == id).with(\.$person).all().map {
            PersonRow(id: try $0.person.requireID(), name: $0.person.name, title: $0.title, from: $0.from, to: $0.to)
        }.sorted { ($0.to == nil ? 0 : 1, $0.name) < ($1.to == nil ? 0 : 1, $1.name) }
        let sql = database as! any SQLDatabase
        let contactIDs = try await sql.select().column("contact_moment_id").from("contact_moment_organisations").where("organisation_id", .equal, id)
            .all().map { try $0.decode(column: "contact_moment_id", as: UUID.self) }
        let contacts = contactIDs.isEmpty ? [] : try await ContactMoment.query(on: database).filter(\.$id ~~ contactIDs).sort(\.$date, .descending).all()
        let followUps = try await FollowUp.query(on: database).filter(\.$organisation.$id == id).filter(\.$status == .open).with(\.$owner).sort(\.$dueOn).all()
        let questions = try await Question.query(on: database).filter(\.$organisation.$id == id).all()
        let allFollowUps = try await FollowUp.query(on: database).filter(\.$organisation.$id == id).with(\.$owner).all()
        let activity = (try contacts.map { Activity(date: $0.date, kind: .contact($0.kind), text: $0.notes.map { String($0.prefix(160)) } ?? "", link: SiteURL.contactMoment.path(try $0.requireID())) }
            + (try questions.map { Activity(date: CalendarDay($0.receivedAt).text, kind: .question($0.status), text: String($0.question.prefix(160)), link: SiteURL.question.path(try $0.requireID())) })
            + allFollowUps.map { Activity(date: $0.dueOn, kind: .followUp($0.status), text: "\($0.owner.name): \($0.description)", link: nil) })
            .sorted { ($0.date, $0.text) > ($1.date, $1.text) }
        var showcase: ShowcaseConsent?
        if let since = organisation.showcaseSince {
            let recorder = try await User.find(organisation.showcaseRecordedBy, on: database)
            showcase = ShowcaseConsent(since: since, recordedBy: recorder?.name, description: organisation.showcaseDescription)
        }
        return Model(
            id: id, input: OrganisationInput(organisation, establishments: establishments), kind: organisation.kind,
            accountManager: try await organisation.$accountManager.get(on: database)?.name,
            municipalityNames: reference.municipalityNames,
            sbiLabel: organisation.sbi.flatMap { code in reference.sbiCodes.first { $0.code == code }.map { Bilingual(dutch: $0.labelNL, english: $0.labelEN) } },
            history: history,
            establishments: Enterprise.latestEstablishments(records, names: reference.municipalityNames),
            highGrowth: Enterprise.highGrowth(records, kvk: organisation.kvkNumber),
            people: people, contacts: try contacts.map { ContactRow(id: try $0.requireID(), date: $0.date, kind: $0.kind, notes: $0.notes) },
            followUps: followUps.map { FollowUpRow(description: $0.description, owner: $0.owner.name, dueOn: $0.dueOn, status: $0.status) },
            showcase: showcase,
            activity: activity, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database),
            newPerson: !mayEdit ? NewPerson() : .init(input: newPerson.input, problems: newPerson.problems, search: newPerson.search,
                picker: try await PickerService(database: database).field(.people, "person", chosen: [newPerson.input.person].compactMap { $0 }, search: newPerson.search)))
    }
}
