import Foundation
import Vapor

/// A person as a form, an API call or a CSV row gives it; `validated` checks every field.
struct PersonInput: Content, Sendable, Equatable {
    var name: String?
    var email: String?
    var phone: String?
    var lawfulBasis: String?
    var notes: String?
    /// The purposes the person consents to now (`newsletter`, `showcase`); nil leaves them as they are.
    var consents: TextList?

    enum CodingKeys: String, CodingKey {
        case name, email, phone, notes, consents
        case lawfulBasis = "lawful_basis"
    }

    struct Values: Sendable, Equatable {
        var name: String
        var email: String?
        var phone: String?
        var lawfulBasis: Person.LawfulBasis
        var notes: String?
        var consents: Set<PersonConsent.Purpose>?
    }

    init(name: String? = nil, email: String? = nil, phone: String? = nil, lawfulBasis: String? = nil, notes: String? = nil, consents: TextList? = nil) {
        (self.name, self.email, self.phone, self.lawfulBasis, self.notes, self.consents) = (name, email, phone, lawfulBasis, notes, consents)
    }

    init(_ person: Person, consents: Set<PersonConsent.Purpose>) {
        self.init(name: person.name, email: person.email, phone: person.phone, lawfulBasis: person.lawfulBasis.rawValue, notes: person.notes,
                  consents: TextList(consents.map(\.rawValue).sorted()))
    }


    func validated() throws -> Values {
        var check = FieldCheck()
        let name = check.required("name", name)
        let email = check.email("email", email)
        var phone = check.optional("phone", phone, maxLength: 30)
        if let text = phone, !text.allSatisfy({ $0.isNumber || " +-()".contains($0) }) || text.filter(\.isNumber).count < 6 {
            check.report("phone", localized("'\(text)' is geen telefoonnummer", "'\(text)' is not a phone number"))
            phone = nil
        }
        let basis = check.requiredChoice("lawful_basis", lawfulBasis ?? Person.LawfulBasis.legitimateInterest.rawValue, as: Person.LawfulBasis.self)
        let notes = check.optional("notes", notes)
        var purposes: Set<PersonConsent.Purpose>?
        if let consents {
            purposes = Set(consents.items.compactMap { check.choice("consents", $0, as: PersonConsent.Purpose.self) })
        }
        try check.throwIfAny()
        return Values(name: name!, email: email, phone: phone, lawfulBasis: basis!, notes: notes, consents: purposes)
    }
}

/// A person's role in an organisation, as a form or the API gives it.
struct AffiliationInput: Content, Sendable, Equatable {
    var organisation: String?
    var title: String?
    var from: String?
    var to: String?

    struct Values: Sendable, Equatable {
        var organisation: UUID
        var title: String?
        var from: String?
        var to: String?
    }

    func validated(field prefix: String = "") throws -> Values {
        var check = FieldCheck()
        var organisation: UUID?
        if let text = check.required(prefix + "organisation", self.organisation) {
            organisation = UUID(uuidString: text)
            if organisation == nil { check.report(prefix + "organisation", localized("'\(text)' is geen organisatie", "'\(text)' is not an organisation")) }
        }
        let title = check.optional(prefix + "title", title, maxLength: 120)
        let from = check.date(prefix + "from", from), to = check.date(prefix + "to", to)
        check.order(from: from, to: to, field: prefix + "to")
        try check.throwIfAny()
        return Values(organisation: organisation!, title: title, from: from, to: to)
    }
}

/// A person added from an organisation's page: one already known (`person`), or a new one
/// (`name`, with an e-mail address and phone number if known), with their title there.
struct OrganisationPersonInput: Content, Sendable, Equatable {
    var person: String?
    var name: String?
    var email: String?
    var phone: String?
    var title: String?

    enum Values: Sendable, Equatable {
        case known(UUID, title: String?)
        case new(PersonInput.Values, title: String?)
    }

    func validated() throws -> Values {
        var check = FieldCheck()
        let title = check.optional("title", title, maxLength: 120)
        let known = check.optional("person", person, maxLength: 40), newName = check.optional("name", name)
        var values: Values?
        switch (known, newName) {
        case (nil, nil):
            check.report("person", localized("Kies een persoon, of vul hieronder de naam van een nieuwe in", "Choose a person, or fill in the name of a new one below"))
        case (.some, .some):
            check.report("name", localized("Kies een bekende persoon of vul een nieuwe naam in, niet allebei", "Choose a known person or fill in a new name, not both"))
        case let (.some(text), nil):
            if let id = UUID(uuidString: text) {
                values = .known(id, title: title)
            } else {
                check.report("person", localized("'\(text)' is geen persoon", "'\(text)' is not a person"))
            }
        case (nil, .some):
            do {
                values = .new(try PersonInput(name: name, email: email, phone: phone).validated(), title: title)
            } catch let invalid as InvalidFields {
                invalid.problems.forEach { check.report($0.field, $0.reason) }
            }
        }
        try check.throwIfAny()
        return values!
    }
}
