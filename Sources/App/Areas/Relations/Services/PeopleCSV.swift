import Analysis
import Fluent
import Foundation

/// People as CSV: `name, email, phone, lawful_basis, notes, consents` and optionally a role in an
/// organisation found by its KvK number (`organisation_kvk, title, from, to`). Every row is
/// checked by the same rules as the form; every problem is reported with its line.
enum PeopleCSV {
    static let columns = ["name", "email", "phone", "lawful_basis", "notes", "consents", "organisation_kvk", "title", "from", "to"]

    struct Row: Sendable {
        let person: PersonInput.Values
        let role: AffiliationInput.Values?
    }

    static func read(_ bytes: [UInt8], file: String, organisationsByKvk: [String: UUID]) throws(ImportRejected) -> [Row] {
        var rows = CSVRows(bytes: bytes, required: ["name"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        var result: [Row] = []
        while rows.next() {
            let text = { (column: String) -> String? in rows.has(column) ? rows.text(column) : nil }
            let input = PersonInput(name: text("name"), email: text("email"), phone: text("phone"), lawfulBasis: text("lawful_basis"), notes: text("notes"),
                                    consents: text("consents").map(TextList.init(text:)))
            var problems: [FieldProblem] = []
            var person: PersonInput.Values?
            do { person = try input.validated() } catch let invalid as InvalidFields { problems += invalid.problems } catch { problems.append(FieldProblem(field: "name", reason: "\(error)")) }
            var role: AffiliationInput.Values?
            if let kvk = text("organisation_kvk"), !kvk.isEmpty {
                if let organisation = organisationsByKvk[kvk] {
                    do {
                        role = try AffiliationInput(organisation: organisation.uuidString, title: text("title"), from: text("from"), to: text("to")).validated()
                    } catch let invalid as InvalidFields { problems += invalid.problems } catch {}
                } else {
                    problems.append(FieldProblem(field: "organisation_kvk", reason: localized("geen organisatie met KvK-nummer \(kvk)", "no organisation with KvK number \(kvk)")))
                }
            }
            for problem in problems { rows.report(problem.field, problem.reason) }
            if problems.isEmpty, let person { result.append(Row(person: person, role: role)) }
        }
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        return result
    }

    /// Everyone with their current roles (one line per role; a person without a role on one line).
    static func write(on database: Database) async throws -> String {
        let people = try await Person.query(on: database).sort(\.$name).all()
        let roles = Dictionary(grouping: try await Affiliation.query(on: database).with(\.$organisation).all(), by: \.$person.id)
        let service = PersonService(database: database, actor: .system)
        var lines = [columns.joined(separator: ",")]
        for person in people {
            let id = try person.requireID()
            let consents = try await service.consents(of: id).map(\.rawValue).sorted().joined(separator: ";")
            let base = [person.name, person.email, person.phone, person.lawfulBasis.rawValue, person.notes, consents]
            let own = roles[id] ?? []
            for role in own.isEmpty ? [nil] : own.map(Optional.some) {
                let fields: [String?] = base + [role?.organisation.kvkNumber, role?.title, role?.from, role?.to]
                lines.append(fields.map { CSVCell.text($0 ?? "") }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
