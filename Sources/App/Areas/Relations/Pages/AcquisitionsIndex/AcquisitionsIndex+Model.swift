import Fluent
import Foundation

/// Relaties > Acquisitie: the acquisitions by stage. Confidential acquisitions show only their
/// codename to whoever is not in their team.
enum AcquisitionsIndex {
    struct Model: Sendable {
        /// As the viewer may know them (`AcquisitionService.visible`).
        let rows: [AcquisitionService.Visible]
        let municipalityNames: [String: String]
        let mayEdit: Bool
    }

    static func query(user: UUID?, mayEdit: Bool, service: AcquisitionService) async throws -> Model {
        let rows = try await service.visible(try await Acquisition.query(on: service.database).all(), to: user)
        let names = try ReferenceData.shared.get().municipalityNames
        return Model(rows: rows, municipalityNames: names, mayEdit: mayEdit)
    }
}
