import Analysis
import Fluent
import Foundation

/// Relaties > Organisaties: search by name, KvK number, establishment number, postcode or SBI
/// code, filter by kind, account manager and tag, in pages.
enum OrganisationsIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let name: String
        let kind: Organisation.Kind
        let kvk: String?
        let postcode: String?
        let municipality: String?
        let sbi: String?
        let accountManager: String?
        let tags: [String]
        /// Jobs in its latest register year (nil when the register does not know it).
        var jobs: Enterprise.Year? = nil
        /// The date of its latest contact moment.
        var lastContact: String? = nil
    }

    struct Model: Sendable, Equatable {
        let filter: OrganisationService.Filter
        let rows: [Row]
        let total: Int
        let managers: [Option]
        let municipalityNames: [String: String]
        let mayEdit: Bool
        let isDemo: Bool

    }

    struct Option: Sendable, Equatable {
        let value: String
        let label: String
    }

    static func query(_ filter: OrganisationService.Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        let service = OrganisationService(database: database, actor: .system)
        let page = try await service.search(filter)
        let jobs = try await service.registerJobs(of: page.organisations)
        let lastContacts = try await service.lastContacts(of: page.organisations.map { try $0.requireID() })
        let users = try await UserDirectory.load(on: database)
        let reference = try ReferenceData.shared.get()
        return Model(
            filter: filter,
            rows: try page.organisations.map {
                Row(id: try $0.requireID(), name: $0.name, kind: $0.kind, kvk: $0.kvkNumber, postcode: $0.postcode, municipality: $0.municipality,
                    sbi: $0.sbi.map(SBI.dotted), accountManager: $0.accountManager?.name, tags: $0.tagList,
                    jobs: jobs[try $0.requireID()], lastContact: lastContacts[try $0.requireID()])
            },
            total: page.total, managers: users.users.map { Option(value: $0.id.uuidString, label: $0.name) },
            municipalityNames: reference.municipalityNames,
            mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
