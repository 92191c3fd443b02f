import Fluent
import Foundation

/// Who gives a score (of a project on a criterion, of a policy option in a scenario): a user (an
/// adviser scoring in person) or a person of the register (a driver-team member whose scores an
/// adviser enters).
enum Assessor: Sendable, Hashable {
    case user(UUID), person(UUID)

    /// `user:<id>` or `person:<id>`: a score form's choice and the key in messages.
    var key: String {
        switch self {
        case .user(let id): "user:\(id.uuidString)"
        case .person(let id): "person:\(id.uuidString)"
        }
    }

    /// The ids as the API writes them (`assessor_user`, `assessor_person`); both nil for a key
    /// that names no assessor (`erased`).
    static func ids(key: String) -> (user: UUID?, person: UUID?) {
        switch Assessor(key: key) {
        case .user(let id)?: (id, nil)
        case .person(let id)?: (nil, id)
        case nil: (nil, nil)
        }
    }

    init?(key: String) {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "user": self = .user(id)
        case "person": self = .person(id)
        default: return nil
        }
    }

    /// The key and the name of a stored score's assessor; `erased` and `[gewist]` once the person
    /// was erased (AVG).
    static func describe(user: User?, person: Person?) throws -> (key: String, name: String) {
        if let user { return ("user:\(try user.requireID().uuidString)", user.name) }
        if let person { return ("person:\(try person.requireID().uuidString)", person.name) }
        return ("erased", Privacy.erased)
    }

    /// Who may score, for a form's list: the active users who may edit the programme, the current
    /// user first, then the driver team's members.
    static func choices(me: UUID?, on database: Database) async throws -> [(value: String, label: String)] {
        let users = try await User.query(on: database).filter(\.$active == true).sort(\.$name).all().filter { $0.role.may(.editProgramme) }
        let mine = users.filter { $0.id == me } + users.filter { $0.id != me }
        let members = try await DriverTeamService.members(database: database)
        return try mine.map { ("user:\(try $0.requireID().uuidString)", $0.id == me ? localized("\($0.name) (ikzelf)", "\($0.name) (me)") : $0.name) }
            + members.map { ("person:\($0.person.id.uuidString)", "\($0.person.name) (\(localized("aanjaagteam", "driver team")), \($0.member.side.label.lowercased()))") }
    }

    /// From the API's `assessor_user` / `assessor_person` (exactly one), checked to exist.
    static func from(user: String?, person: String?, field: String, check: inout FieldCheck) -> Assessor? {
        switch (user, person) {
        case (let user?, nil):
            if let id = UUID(uuidString: user) { return .user(id) }
        case (nil, let person?):
            if let id = UUID(uuidString: person) { return .person(id) }
        case (nil, nil):
            check.report("\(field).assessor_user", localized("wie scoort? Geef assessor_user of assessor_person", "who scores? Give assessor_user or assessor_person"))
            return nil
        default:
            check.report("\(field).assessor_user", localized("een score heeft één beoordelaar: assessor_user of assessor_person", "a score has one assessor: assessor_user or assessor_person"))
            return nil
        }
        check.report("\(field).assessor_user", localized("de beoordelaar is geen id", "the assessor is not an id"))
        return nil
    }

    /// Every assessor must exist: a user active and allowed to score, a person in the register.
    static func checkExist(_ assessors: [Assessor], on database: Database) async throws {
        for assessor in assessors {
            switch assessor {
            case .user(let id):
                guard let user = try await User.find(id, on: database), user.active, user.role.may(.editProgramme) else {
                    throw InvalidFields("assessor_user", localized("\(id) is geen adviseur of beheerder van Vliegwiel", "\(id) is not an adviser or administrator of Vliegwiel"))
                }
            case .person(let id):
                guard try await Person.find(id, on: database) != nil else {
                    throw InvalidFields("assessor_person", localized("de persoon \(id) bestaat niet (meer)", "the person \(id) does not exist (any more)"))
                }
            }
        }
    }
}
