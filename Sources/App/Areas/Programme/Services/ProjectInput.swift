import Foundation
import Vapor

/// A project as the form or the API gives it; `validated` checks every field. Milestones and
/// scores are optional lists: left out (the form, a PATCH), the stored ones stay.
struct ProjectInput: Content, Sendable, Equatable {
    var name: String?
    var description: String?
    var leadOrganisation: String?
    var leadPerson: String?
    var partners: TextList?
    /// Cluster keys.
    var clusters: TextList?
    /// Goal keys.
    var goals: TextList?
    /// A place's key.
    var place: String?
    var budgetTotal: String?
    var budgetMunicipal: String?
    var fundingSources: String?
    var phase: String?
    var phaseSince: String?
    var startsOn: String?
    var endsOn: String?
    var mustInclude: String?
    var milestones: [MilestoneInput]?
    var scores: [ScoreInput]?

    enum CodingKeys: String, CodingKey {
        case name, description, partners, clusters, goals, place, phase, milestones, scores
        case leadOrganisation = "lead_organisation", leadPerson = "lead_person", budgetTotal = "budget_total", budgetMunicipal = "budget_municipal"
        case fundingSources = "funding_sources", phaseSince = "phase_since", startsOn = "starts_on", endsOn = "ends_on", mustInclude = "must_include"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = container.text
        (name, description, leadOrganisation, leadPerson, place) = (try text(.name), try text(.description), try text(.leadOrganisation), try text(.leadPerson), try text(.place))
        (budgetTotal, budgetMunicipal, fundingSources) = (try text(.budgetTotal), try text(.budgetMunicipal), try text(.fundingSources))
        (phase, phaseSince, startsOn, endsOn, mustInclude) = (try text(.phase), try text(.phaseSince), try text(.startsOn), try text(.endsOn), try text(.mustInclude))
        partners = try container.decodeIfPresent(TextList.self, forKey: .partners)
        clusters = try container.decodeIfPresent(TextList.self, forKey: .clusters)
        goals = try container.decodeIfPresent(TextList.self, forKey: .goals)
        milestones = try container.decodeIfPresent([MilestoneInput].self, forKey: .milestones)
        scores = try container.decodeIfPresent([ScoreInput].self, forKey: .scores)
    }

    struct Values: Sendable, Equatable {
        var name: String
        var description: String?
        var leadOrganisation: UUID?
        var leadPerson: UUID?
        var partners: [UUID]
        var clusters: [UUID]
        var goals: [UUID]
        var place: UUID?
        var budgetTotal: Double?
        var budgetMunicipal: Double?
        var fundingSources: String?
        var phase: Project.Phase
        var phaseSince: String
        var startsOn: String?
        var endsOn: String?
        var mustInclude: Bool
        var milestones: [MilestoneInput.Values]?
        var scores: [ScoreInput.Values]?
    }

    /// What the clusters, goals and places are called by (their keys).
    struct Known: Sendable {
        var clusters: [String: UUID]
        var goals: [String: UUID]
        var places: [String: UUID]
    }

    func validated(known: Known, today: CalendarDay = .today) throws -> Values {
        var check = FieldCheck()
        let name = check.required("name", name)
        let description = check.optional("description", description, maxLength: 4000)
        let id = { (field: String, text: String?, what: String) -> UUID? in
            guard let text = check.optional(field, text, maxLength: 40) else { return nil }
            guard let id = UUID(uuidString: text) else { check.report(field, localized("'\(text)' is geen \(what)", "'\(text)' is not a valid \(what)")); return nil }
            return id
        }
        let leadOrganisation = id("lead_organisation", leadOrganisation, localized("organisatie", "organisation"))
        let leadPerson = id("lead_person", leadPerson, localized("persoon", "person"))
        var partnerIDs: [UUID] = []
        for text in partners?.items ?? [] {
            guard let partner = UUID(uuidString: text) else {
                check.report("partners", localized("'\(text.prefix(40))' is geen organisatie", "'\(text.prefix(40))' is not an organisation")); continue
            }
            if !partnerIDs.contains(partner) { partnerIDs.append(partner) }
        }
        let keyed = { (field: String, list: TextList?, known: [String: UUID], what: (String) -> String) -> [UUID] in
            var result: [UUID] = []
            for text in list?.items ?? [] {
                guard let id = known[text.lowercased()] ?? UUID(uuidString: text).flatMap({ id in known.values.contains(id) ? id : nil }) else {
                    check.report(field, what(String(text.prefix(40)))); continue
                }
                if !result.contains(id) { result.append(id) }
            }
            return result
        }
        let clusters = keyed("clusters", clusters, known.clusters) { localized("'\($0)' is geen cluster", "'\($0)' is not a cluster") }
        let goals = keyed("goals", goals, known.goals) { localized("'\($0)' is geen doel", "'\($0)' is not a goal") }
        var place: UUID?
        if let text = check.optional("place", self.place, maxLength: 40) {
            place = known.places[text.lowercased()]
            if place == nil {
                check.report("place", localized("'\(text)' is geen plek; kies \(known.places.keys.sorted().joined(separator: ", "))",
                                                "'\(text)' is not a place; pick \(known.places.keys.sorted().joined(separator: ", "))"))
            }
        }
        let budgetTotal = Self.euros(&check, "budget_total", budgetTotal)
        let budgetMunicipal = Self.euros(&check, "budget_municipal", budgetMunicipal)
        if let budgetTotal, let budgetMunicipal, budgetMunicipal > budgetTotal {
            check.report("budget_municipal", localized("het gemeentelijk deel (\(Format.euros(budgetMunicipal))) is groter dan het hele budget (\(Format.euros(budgetTotal)))",
                                                       "the municipal share (\(Format.euros(budgetMunicipal))) is larger than the whole budget (\(Format.euros(budgetTotal)))"))
        }
        let fundingSources = check.optional("funding_sources", fundingSources, maxLength: 1000)
        let phase = check.requiredChoice("phase", phase ?? Project.Phase.idea.rawValue, as: Project.Phase.self)
        let phaseSince = check.optional("phase_since", phaseSince) == nil ? today.text : check.date("phase_since", phaseSince)
        let startsOn = check.date("starts_on", startsOn), endsOn = check.date("ends_on", endsOn)
        check.order(from: startsOn, to: endsOn, field: "ends_on")
        let mustInclude: Bool
        switch (self.mustInclude ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "false": mustInclude = false
        case "true", "on": mustInclude = true
        case let other:
            check.report("must_include", localized("'\(other.prefix(20))' kan niet; true of false", "'\(other.prefix(20))' is not allowed; true or false"))
            mustInclude = false
        }
        let milestones = self.milestones.map { list in
            list.enumerated().compactMap { index, milestone in milestone.validated(field: "milestones[\(index)]", endsOn: endsOn, check: &check) }
        }
        let scores = self.scores.map { list in
            list.enumerated().compactMap { index, score in score.validated(field: "scores[\(index)]", check: &check) }
        }
        if let scores {
            var seen = Set<String>()
            for score in scores where !seen.insert("\(score.criterion.rawValue) \(score.assessor.key)").inserted {
                check.report("scores", localized("\(score.assessor.key) scoort \(score.criterion.rawValue) twee keer", "\(score.assessor.key) scores \(score.criterion.rawValue) twice"))
            }
        }
        try check.throwIfAny()
        return Values(name: name!, description: description, leadOrganisation: leadOrganisation, leadPerson: leadPerson, partners: partnerIDs,
                      clusters: clusters, goals: goals, place: place, budgetTotal: budgetTotal, budgetMunicipal: budgetMunicipal,
                      fundingSources: fundingSources, phase: phase!, phaseSince: phaseSince!, startsOn: startsOn, endsOn: endsOn,
                      mustInclude: mustInclude, milestones: milestones, scores: scores)
    }

    /// An amount in euros: 0 or more, at most a billion (`FieldCheck.decimal`).
    static func euros(_ check: inout FieldCheck, _ field: String, _ text: String?) -> Double? {
        guard let amount = check.decimal(field, text) else { return nil }
        guard amount >= 0 else {
            check.report(field, localized("een bedrag is 0 of meer, niet \(Format.plain(amount))", "an amount is 0 or more, not \(Format.plain(amount))"))
            return nil
        }
        return amount
    }
}

/// A milestone: what, by when, and when it was done.
struct MilestoneInput: Content, Sendable, Equatable {
    var what: String?
    var dueOn: String?
    var doneOn: String?

    enum CodingKeys: String, CodingKey { case what, dueOn = "due_on", doneOn = "done_on" }

    struct Values: Sendable, Equatable {
        var what: String
        var dueOn: String
        var doneOn: String?
    }

    /// `endsOn`: the project's end, which a milestone may not pass.
    /// `field`: the list entry's name in the API (`milestones[0]`), nil for the form.
    func validated(field: String? = nil, endsOn: String?, check: inout FieldCheck) -> Values? {
        let name = { (plain: String) in field.map { "\($0).\(plain)" } ?? plain }
        let before = check.problems.count
        let what = check.required(name("what"), what, maxLength: 500)
        let due = check.requiredDate(name("due_on"), dueOn)
        let done = check.date(name("done_on"), doneOn)
        if let due, let endsOn, due > endsOn {
            check.report(name("due_on"), localized("de mijlpaal (\(due)) ligt na het einde van het project (\(endsOn))",
                                                      "the milestone (\(due)) is after the project's end (\(endsOn))"))
        }
        guard check.problems.count == before, let what, let due else { return nil }
        return Values(what: what, dueOn: due, doneOn: done)
    }
}

/// An assessor's score on one criterion: the assessor is a user or a person of the register.
struct ScoreInput: Content, Sendable, Equatable {
    var criterion: String?
    var score: String?
    var rationale: String?
    var assessorUser: String?
    var assessorPerson: String?

    enum CodingKeys: String, CodingKey { case criterion, score, rationale, assessorUser = "assessor_user", assessorPerson = "assessor_person" }

    init(criterion: String? = nil, score: String? = nil, rationale: String? = nil, assessorUser: String? = nil, assessorPerson: String? = nil) {
        (self.criterion, self.score, self.rationale, self.assessorUser, self.assessorPerson) = (criterion, score, rationale, assessorUser, assessorPerson)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        (criterion, score, rationale) = (try container.text(.criterion), try container.text(.score), try container.text(.rationale))
        (assessorUser, assessorPerson) = (try container.text(.assessorUser), try container.text(.assessorPerson))
    }

    struct Values: Sendable, Equatable {
        var criterion: Criterion
        var score: Int
        var rationale: String
        var assessor: Assessor
    }

    func validated(field: String, check: inout FieldCheck) -> Values? {
        let before = check.problems.count
        var criterion: Criterion?
        if let text = check.required("\(field).criterion", self.criterion, maxLength: 40) {
            criterion = Criterion.find(text)
            if criterion == nil {
                check.report("\(field).criterion", localized("'\(text)' is geen criterium; kies \(Criterion.allCases.map(\.rawValue).joined(separator: ", "))",
                                                             "'\(text)' is not a criterion; pick \(Criterion.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        let score = check.required("\(field).score", self.score, maxLength: 40).flatMap { text -> Int? in
            guard let number = Int(text), Criterion.scale.contains(number) else {
                check.report("\(field).score", localized("'\(text)' ligt niet op de schaal \(Criterion.scaleText)", "'\(text)' is not on the scale \(Criterion.scaleText)"))
                return nil
            }
            return number
        }
        let rationale = check.required("\(field).rationale", self.rationale, maxLength: 2000)
        let user = check.optional("\(field).assessor_user", assessorUser, maxLength: 40), person = check.optional("\(field).assessor_person", assessorPerson, maxLength: 40)
        let assessor = Assessor.from(user: user, person: person, field: field, check: &check)
        guard check.problems.count == before, let criterion, let score, let rationale, let assessor else { return nil }
        return Values(criterion: criterion, score: score, rationale: rationale, assessor: assessor)
    }
}
