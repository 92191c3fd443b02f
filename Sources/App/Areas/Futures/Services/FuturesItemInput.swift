import Foundation
import Vapor

/// A scenario or policy option as a form or the API sends it. `assumptions` is text with one
/// assumption per line, or (API) a list of texts.
struct FuturesItemInput: Content, Sendable, Equatable {
    var key: String?
    var name: String?
    var description: String?
    var assumptions: String?
    var signs: String?
    var position: String?

    enum CodingKeys: String, CodingKey { case key, name, description, assumptions, signs, position }

    init(key: String? = nil, name: String? = nil, description: String? = nil, assumptions: String? = nil, signs: String? = nil, position: String? = nil) {
        (self.key, self.name, self.description, self.assumptions, self.signs, self.position) = (key, name, description, assumptions, signs, position)
    }

    init(_ item: FuturesItem) {
        self.init(key: item.key, name: item.name, description: item.description, assumptions: item.assumptions, signs: item.signs, position: String(item.position))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = container.text
        (key, name, description, signs, position) = (try text(.key), try text(.name), try text(.description), try text(.signs), try text(.position))
        if let list = try? container.decodeIfPresent([String].self, forKey: .assumptions) {
            assumptions = list.joined(separator: "\n")
        } else {
            assumptions = try text(.assumptions)
        }
    }

    struct Values: Sendable, Equatable {
        var key: String
        var name: String
        var description: String
        var assumptions: [String]
        var signs: String?
        var position: Int?
    }

    /// The words of the area's own addresses: no key may be one of them.
    static let reservedKeys: Set<String> = ["nieuw", "bewerken", "verwijderen", "scores", "signalen", "meldingen", "instellingen", "evalueren"]

    func validated(kind: FuturesItem.Kind) throws -> Values {
        var check = FieldCheck()
        let name = check.required("name", self.name, maxLength: 120)
        var key = check.optional("key", self.key?.lowercased(), maxLength: 40) ?? name.map(Self.slug)
        if let given = key, given.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil || Self.reservedKeys.contains(given) || UUID(uuidString: given) != nil {
            check.report("key", localized("'\(given)' kan niet: gebruik kleine letters, cijfers en streepjes (bijv. digital-delta), en geen woord van de adressen (\(Self.reservedKeys.sorted().joined(separator: ", ")))",
                                          "'\(given)' cannot be used: use lower-case letters, digits and hyphens (e.g. digital-delta), and none of the addresses' words (\(Self.reservedKeys.sorted().joined(separator: ", ")))"))
            key = nil
        }
        let description = check.required("description", self.description, maxLength: 4000)
        let assumptions = (check.optional("assumptions", self.assumptions, maxLength: 4000) ?? "")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let signs = check.optional("signs", self.signs, maxLength: 4000)
        if kind == .option, signs != nil {
            check.report("signs", localized("alleen een scenario heeft tekenen dat het zich voltrekt", "only a scenario has signs that it is unfolding"))
        }
        let position = check.count("position", self.position, in: 0...10_000)
        try check.throwIfAny()
        return Values(key: key!, name: name!, description: description!, assumptions: assumptions, signs: signs, position: position)
    }

    /// `Zwolle Digital Delta` → `zwolle-digital-delta`; letters with accents lose them.
    static func slug(_ text: String) -> String {
        let plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = plain.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return String(words.joined(separator: "-").prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

/// Scores of policy options in scenarios by one assessor, as the API (`PUT /api/v1/futures/scores`)
/// and the score form send them. A cell given with an empty score loses the assessor's score.
struct RobustnessScoresInput: Content, Sendable {
    struct Cell: Content, Sendable {
        var option: String?
        var scenario: String?
        var score: String?
        var rationale: String?

        enum CodingKeys: String, CodingKey { case option, scenario, score, rationale }

        init(option: String?, scenario: String?, score: String?, rationale: String?) {
            (self.option, self.scenario, self.score, self.rationale) = (option, scenario, score, rationale)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = container.text
            (option, scenario, score, rationale) = (try text(.option), try text(.scenario), try text(.score), try text(.rationale))
        }
    }

    var assessorUser: String?
    var assessorPerson: String?
    var scores: [Cell]?

    enum CodingKeys: String, CodingKey { case scores, assessorUser = "assessor_user", assessorPerson = "assessor_person" }

    /// A checked cell: the option and scenario found, the score on the scale (nil: remove).
    struct Values: Sendable, Equatable {
        let option: UUID
        let scenario: UUID
        let score: Int?
        let rationale: String?
    }

    /// Every cell checked against the matrix's options and scenarios (by key or id), named by its
    /// place in the list (`scores[2].score`).
    func validated(matrix: RobustnessMatrix, me: UUID?) throws -> (Assessor, [Values]) {
        var check = FieldCheck()
        var assessor: Assessor?
        if assessorUser == nil, assessorPerson == nil, let me {
            assessor = .user(me)
        } else {
            assessor = Assessor.from(user: assessorUser, person: assessorPerson, field: "scores", check: &check)
        }
        let find = { (items: [RobustnessMatrix.Item], text: String) in items.first { $0.key == text.lowercased() || $0.id.uuidString == text.uppercased() } }
        var values: [Values] = []
        var seen = Set<String>()
        if (scores ?? []).isEmpty { check.report("scores", localized("geef minstens één score", "give at least one score")) }
        for (index, cell) in (scores ?? []).prefix(1000).enumerated() {
            let field = "scores[\(index)]"
            let option = check.required("\(field).option", cell.option, maxLength: 60).flatMap { text in
                find(matrix.options, text) ?? { check.report("\(field).option", localized("'\(text)' is geen beleidsoptie; kies \(matrix.options.map(\.key).joined(separator: ", "))",
                                                                                            "'\(text)' is not a policy option; pick \(matrix.options.map(\.key).joined(separator: ", "))")); return nil }()
            }
            let scenario = check.required("\(field).scenario", cell.scenario, maxLength: 60).flatMap { text in
                find(matrix.scenarios, text) ?? { check.report("\(field).scenario", localized("'\(text)' is geen scenario; kies \(matrix.scenarios.map(\.key).joined(separator: ", "))",
                                                                                              "'\(text)' is not a scenario; pick \(matrix.scenarios.map(\.key).joined(separator: ", "))")); return nil }()
            }
            let rationale = check.optional("\(field).rationale", cell.rationale, maxLength: 2000)
            var score: Int?
            if let text = check.optional("\(field).score", cell.score, maxLength: 10) {
                if let number = Int(text), RobustnessMatrix.scale.contains(number) { score = number } else {
                    check.report("\(field).score", localized("'\(text)' ligt niet op de schaal \(RobustnessMatrix.scaleText)", "'\(text)' is not on the scale \(RobustnessMatrix.scaleText)"))
                }
                if rationale == nil { check.report("\(field).rationale", localized("een score heeft een motivering nodig", "a score needs a reason")) }
            } else if rationale != nil {
                check.report("\(field).score", localized("geef een score bij de motivering", "give a score with the reason"))
            }
            guard let option, let scenario else { continue }
            if !seen.insert("\(option.id)|\(scenario.id)").inserted {
                check.report("\(field).option", localized("\(option.name) in \(scenario.name) staat er twee keer in", "\(option.name) in \(scenario.name) is given twice"))
            }
            values.append(Values(option: option.id, scenario: scenario.id, score: score, rationale: rationale))
        }
        try check.throwIfAny()
        return (assessor!, values)
    }
}
