import Fluent
import Foundation
import Vapor

/// An organisation as a form, an API call or a CSV row gives it: text that still has to be
/// checked. `validated` turns it into `OrganisationInput.Values` or throws `InvalidFields`
/// naming every wrong field (the field names are the CSV columns and JSON keys).
struct OrganisationInput: Content, Sendable, Equatable {
    var kind: String?
    var name: String?
    var kvkNumber: String?
    var establishmentNumbers: TextList?
    var sbi: String?
    var address: String?
    var postcode: String?
    var municipality: String?
    var website: String?
    /// A user's id or e-mail address.
    var accountManager: String?
    var tags: TextList?
    var notes: String?
    var originMunicipality: String?
    var arrivedOn: String?
    /// For education and knowledge institutions: wo, hbo, mbo or research.
    var educationLevel: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, name, sbi, address, postcode, municipality, website, tags, notes
        case kvkNumber = "kvk_number", establishmentNumbers = "establishment_numbers", accountManager = "account_manager"
        case originMunicipality = "origin_municipality", arrivedOn = "arrived_on", educationLevel = "education_level"
    }

    /// The checked values, ready to store.
    struct Values: Sendable, Equatable {
        var kind: Organisation.Kind
        var name: String
        var kvkNumber: String?
        var establishmentNumbers: [String]
        var sbi: String?
        var address: String?
        var postcode: String?
        var municipality: String?
        var website: String?
        var accountManager: UUID?
        var tags: [String]
        var notes: String?
        var originMunicipality: String?
        var arrivedOn: String?
        var educationLevel: Organisation.EducationLevel?
    }

    /// The input of an existing organisation (to show it in a form, or to update part of it).
    init(_ organisation: Organisation, establishments: [String]) {
        kind = organisation.kind.rawValue
        name = organisation.name
        kvkNumber = organisation.kvkNumber
        establishmentNumbers = TextList(establishments)
        sbi = organisation.sbi
        address = organisation.address
        postcode = organisation.postcode
        municipality = organisation.municipality
        website = organisation.website
        accountManager = organisation.$accountManager.id?.uuidString
        tags = TextList(organisation.tagList)
        notes = organisation.notes
        originMunicipality = organisation.originMunicipality
        arrivedOn = organisation.arrivedOn
        educationLevel = organisation.educationLevel?.rawValue
    }

    init(kind: String? = nil, name: String? = nil) {
        self.kind = kind
        self.name = name
    }


    /// Checks every field; `users` maps e-mail addresses and ids of users to their id.
    func validated(reference: ReferenceData, users: UserDirectory) throws -> Values {
        var check = FieldCheck()
        let kind = check.requiredChoice("kind", kind, as: Organisation.Kind.self)
        let name = check.required("name", name)
        let kvk = check.kvkNumber("kvk_number", kvkNumber)
        var establishments: [String] = []
        for number in establishmentNumbers?.items ?? [] {
            if let valid = check.establishmentNumber("establishment_numbers", number), !establishments.contains(valid) { establishments.append(valid) }
        }
        let sbi = check.sbi("sbi", sbi, reference: reference)
        let address = check.optional("address", address, maxLength: 200)
        let postcode = check.postcode("postcode", postcode)
        let municipality = check.municipality("municipality", municipality, reference: reference)
        let website = check.website("website", website)
        var manager: UUID?
        if let text = check.optional("account_manager", accountManager) {
            manager = users.id(of: text)
            if manager == nil {
                check.report("account_manager", localized("'\(text)' is geen gebruiker van Vliegwiel", "'\(text)' is not a Vliegwiel user"))
            }
        }
        let tags = Array(Set((tags?.items ?? []).map { $0.lowercased() })).sorted()
        if tags.contains(where: { $0.count > 40 }) {
            check.report("tags", localized("een label is langer dan 40 tekens", "a tag is longer than 40 characters"))
        }
        let notes = check.optional("notes", notes)
        let origin = check.municipality("origin_municipality", originMunicipality, reference: reference)
        let arrived = check.date("arrived_on", arrivedOn)
        let level = check.choice("education_level", educationLevel, as: Organisation.EducationLevel.self)
        if level != nil, let kind, kind != .education, kind != .knowledgeInstitute {
            check.report("education_level", localized("alleen voor onderwijs- en kennisinstellingen", "only for education and knowledge institutions"))
        }
        try check.throwIfAny()
        return Values(kind: kind!, name: name!, kvkNumber: kvk, establishmentNumbers: establishments, sbi: sbi, address: address,
                      postcode: postcode, municipality: municipality, website: website, accountManager: manager, tags: tags,
                      notes: notes, originMunicipality: origin, arrivedOn: arrived, educationLevel: level)
    }
}

/// The users an account manager, owner or team member can be: by id or e-mail address.
struct UserDirectory: Sendable {
    private let byKey: [String: UUID]
    let users: [(id: UUID, name: String)]

    init(_ users: [User]) {
        var keys: [String: UUID] = [:]
        for user in users {
            guard let id = user.id else { continue }
            keys[id.uuidString.lowercased()] = id
            keys[user.email.lowercased()] = id
        }
        byKey = keys
        self.users = users.compactMap { user in user.id.map { ($0, user.name) } }.sorted { $0.name < $1.name }
    }

    static func load(on database: Database) async throws -> UserDirectory {
        UserDirectory(try await User.query(on: database).filter(\.$active == true).all())
    }

    func id(of text: String) -> UUID? { byKey[text.lowercased()] }
    func name(of id: UUID?) -> String? { id.flatMap { id in users.first { $0.id == id }?.name } }
}
