import Fluent
import Foundation

/// The server side of the pickers (`Picker`): records found by a part of their name, and the
/// names of the records a form has chosen. People are named with their organisation, so that two
/// people of the same name can be told apart.
struct PickerService {
    let database: Database

    /// Up to `Picker.matches` records whose name contains `text` (any case), those that start with
    /// it first, then by name; an empty text lists the first by name.
    func find(_ source: Picker.Source, matching text: String) async throws -> [Picker.Option] {
        let text = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(Picker.maximumSearchLength))
        // Enough candidates to rank those starting with the text first.
        let candidates = 10 * Picker.matches
        let found: [Picker.Option] = switch source {
        case .organisations:
            try await Organisation.query(on: database).filter(.contains("name", text)).sort(\.$name).limit(candidates)
                .field(\.$id).field(\.$name).all().map { Picker.Option(id: try $0.requireID().uuidString, label: $0.name) }
        case .people:
            try await labelled(try await Person.query(on: database).filter(.contains("name", text)).sort(\.$name).limit(candidates)
                .field(\.$id).field(\.$name).all())
        case .users:
            try await User.query(on: database).filter(\.$active == true).filter(.contains("name", text)).sort(\.$name).limit(candidates).all()
                .map { Picker.Option(id: try $0.requireID().uuidString, label: $0.name) }
        case .topics:
            try await Topic.query(on: database).filter(.contains("name", text)).sort(\.$name).limit(candidates).all()
                .map { Picker.Option(id: try $0.requireID().uuidString, label: $0.name) }
        }
        let lowered = text.lowercased()
        let ranked = found.enumerated().sorted { first, second in
            let (a, b) = (first.element.label.lowercased().hasPrefix(lowered), second.element.label.lowercased().hasPrefix(lowered))
            return a != b ? a : first.offset < second.offset
        }
        return ranked.prefix(Picker.matches).map(\.element)
    }

    /// The chosen records, in the order given; ids that name nothing are left out (the form's
    /// check reports them).
    func chosen(_ source: Picker.Source, ids: [String]) async throws -> [Picker.Option] {
        let uuids = ids.compactMap(UUID.init(uuidString:))
        guard !uuids.isEmpty else { return [] }
        let options: [Picker.Option] = switch source {
        case .organisations:
            try await Organisation.query(on: database).filter(\.$id ~~ uuids).field(\.$id).field(\.$name).all()
                .map { Picker.Option(id: try $0.requireID().uuidString, label: $0.name) }
        case .people:
            try await labelled(try await Person.query(on: database).filter(\.$id ~~ uuids).field(\.$id).field(\.$name).all())
        case .users:
            try await User.query(on: database).filter(\.$id ~~ uuids).all().map { Picker.Option(id: try $0.requireID().uuidString, label: $0.name) }
        case .topics:
            try await Topic.query(on: database).filter(\.$id ~~ uuids).all().map { Picker.Option(id: try $0.requireID().uuidString, label: $0.name) }
        }
        let byID = Dictionary(options.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return uuids.compactMap { byID[$0.uuidString] }.filter { seen.insert($0.id).inserted }
    }

    /// What a picker shows: `ids` chosen, and the matches when the user searched in it (`search`).
    func field(_ source: Picker.Source, _ name: String, chosen ids: [String], search: Picker.Search?) async throws -> Picker.Field {
        var field = Picker.Field(chosen: try await chosen(source, ids: ids))
        if let search, search.field == name {
            field.search = search.text
            field.found = try await find(source, matching: search.text)
        }
        return field
    }

    /// People with the organisation of their (first) current role: "Anna de Vries (Deltion College)".
    private func labelled(_ people: [Person]) async throws -> [Picker.Option] {
        let ids = try people.map { try $0.requireID() }
        let roles = ids.isEmpty ? [] : try await Affiliation.query(on: database).filter(\.$person.$id ~~ ids).filter(\.$to == nil)
            .with(\.$organisation).sort(\.$organisation.$id).all()
        let organisation = Dictionary(roles.map { ($0.$person.id, $0.organisation.name) }, uniquingKeysWith: { first, _ in first })
        return try people.map { person in
            let id = try person.requireID()
            return Picker.Option(id: id.uuidString, label: person.name + (organisation[id].map { " (\($0))" } ?? ""))
        }
    }
}
