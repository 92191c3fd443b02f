import Fluent
import Foundation

/// Relaties > Dubbelen: likely duplicate organisations, each pair with the reason and a merge
/// that keeps the one chosen and moves everything of the other to it.
enum DuplicatesPage {
    struct Model: Sendable {
        let duplicates: [OrganisationService.Duplicate]
        let message: String?
        let mayEdit: Bool
    }

    /// `kept`: the organisation a merge just kept (from the URL), named in the message.
    static func query(kept: UUID?, mayEdit: Bool, on database: Database) async throws -> Model {
        let duplicates = try await OrganisationService(database: database, actor: .system).duplicates()
        var message: String?
        if let kept, let organisation = try await Organisation.find(kept, on: database) {
            message = localized("Samengevoegd in \(organisation.name).", "Merged into \(organisation.name).")
        }
        return Model(duplicates: duplicates, message: message, mayEdit: mayEdit)
    }
}
