import Foundation
import Vapor

/// An engagement as the form or the API gives it; `validated` checks every field.
struct EngagementInput: Content, Sendable, Equatable {
    var date: String?
    var kind: String?
    /// Cluster keys or ids.
    var clusters: TextList?
    var organisations: TextList?
    var people: TextList?
    var notes: String?

    struct Values: Sendable, Equatable {
        var date: String
        var kind: Engagement.Kind
        var clusters: [UUID]
        var organisations: [UUID]
        var people: [UUID]
        var notes: String?
    }

    /// `clusters`: every cluster's id by its key and by its id.
    func validated(clusters known: [String: UUID]) throws -> Values {
        var check = FieldCheck()
        let date = check.requiredDate("date", date)
        let kind = check.requiredChoice("kind", kind, as: Engagement.Kind.self)
        var clusterIDs: [UUID] = []
        for text in clusters?.items ?? [] {
            if let id = known[text.lowercased()] ?? UUID(uuidString: text).flatMap({ id in known.values.contains(id) ? id : nil }) {
                if !clusterIDs.contains(id) { clusterIDs.append(id) }
            } else {
                check.report("clusters", localized("'\(text.prefix(40))' is geen cluster", "'\(text.prefix(40))' is not a cluster"))
            }
        }
        if clusterIDs.isEmpty, !check.problems.contains(where: { $0.field == "clusters" }) {
            check.report("clusters", localized("kies minstens één cluster", "choose at least one cluster"))
        }
        let ids = { (field: String, list: TextList?, what: (String) -> String) -> [UUID] in
            var result: [UUID] = []
            for text in list?.items ?? [] {
                guard let id = UUID(uuidString: text) else { check.report(field, what(String(text.prefix(40)))); continue }
                if !result.contains(id) { result.append(id) }
            }
            return result
        }
        let organisations = ids("organisations", organisations) { localized("'\($0)' is geen organisatie", "'\($0)' is not an organisation") }
        if organisations.isEmpty, !check.problems.contains(where: { $0.field == "organisations" }) {
            check.report("organisations", localized("kies minstens één organisatie", "choose at least one organisation"))
        }
        let people = ids("people", people) { localized("'\($0)' is geen persoon", "'\($0)' is not a person") }
        let notes = check.optional("notes", notes)
        try check.throwIfAny()
        return Values(date: date!, kind: kind!, clusters: clusterIDs, organisations: organisations, people: people, notes: notes)
    }
}
