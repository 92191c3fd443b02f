import Foundation
import Vapor

/// A collaboration as the form or the API gives it; `validated` checks every field.
struct CollaborationInput: Content, Sendable, Equatable {
    /// Organisation ids.
    var first: String?
    var second: String?
    var kind: String?
    var strength: String?
    var startedOn: String?
    var endedOn: String?
    var notes: String?

    enum CodingKeys: String, CodingKey {
        case first, second, kind, strength, notes
        case startedOn = "started_on", endedOn = "ended_on"
    }

    init(first: String? = nil, second: String? = nil, kind: String? = nil, strength: String? = nil, startedOn: String? = nil, endedOn: String? = nil,
         notes: String? = nil) {
        (self.first, self.second, self.kind, self.strength) = (first, second, kind, strength)
        (self.startedOn, self.endedOn, self.notes) = (startedOn, endedOn, notes)
    }

    /// `strength` may come as a JSON number or as text.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        first = try container.decodeIfPresent(String.self, forKey: .first)
        second = try container.decodeIfPresent(String.self, forKey: .second)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .strength) {
            strength = String(number)
        } else {
            strength = try container.decodeIfPresent(String.self, forKey: .strength)
        }
        startedOn = try container.decodeIfPresent(String.self, forKey: .startedOn)
        endedOn = try container.decodeIfPresent(String.self, forKey: .endedOn)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
    }

    struct Values: Sendable, Equatable {
        var first: UUID
        var second: UUID
        var kind: Collaboration.Kind
        var strength: Int
        var startedOn: String?
        var endedOn: String?
        var notes: String?
    }

    func validated() throws -> Values {
        var check = FieldCheck()
        let organisation = { (field: String, text: String?) -> UUID? in
            guard let text = check.optional(field, text) else {
                check.report(field, localized("kies een organisatie", "choose an organisation"))
                return nil
            }
            guard let id = UUID(uuidString: text) else {
                check.report(field, localized("'\(text.prefix(40))' is geen organisatie", "'\(text.prefix(40))' is not an organisation"))
                return nil
            }
            return id
        }
        let first = organisation("first", first), second = organisation("second", second)
        if let first, first == second {
            check.report("second", localized("een organisatie kan niet met zichzelf samenwerken", "an organisation cannot collaborate with itself"))
        }
        let kind = check.requiredChoice("kind", kind, as: Collaboration.Kind.self)
        var strength = 3
        if let text = check.optional("strength", self.strength) {
            if let number = Int(text), Collaboration.strengths.contains(number) { strength = number } else {
                check.report("strength", localized("'\(text.prefix(20))' is geen heel getal van 1 tot 5", "'\(text.prefix(20))' is not a whole number from 1 to 5"))
            }
        }
        let startedOn = check.date("started_on", startedOn), endedOn = check.date("ended_on", endedOn)
        check.order(from: startedOn, to: endedOn, field: "ended_on")
        let notes = check.optional("notes", notes)
        try check.throwIfAny()
        return Values(first: first!, second: second!, kind: kind!, strength: strength, startedOn: startedOn, endedOn: endedOn, notes: notes)
    }
}

extension CollaborationInput {
    init(_ collaboration: Collaboration) {
        self.init(first: collaboration.$first.id.uuidString, second: collaboration.$second.id.uuidString, kind: collaboration.kind.rawValue,
                  strength: String(collaboration.strength), startedOn: collaboration.startedOn, endedOn: collaboration.endedOn, notes: collaboration.notes)
    }
}
