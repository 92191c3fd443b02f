import Fluent
import Foundation
import Vapor

/// Relaties > Acquisitie: the acquisitions by stage, as a list (filtered by stage and cluster,
/// ordered, in pages) or as a board with a column per stage. Confidential acquisitions show only
/// their codename to whoever is not in their team; open ones past their decision date are marked.
enum AcquisitionsIndex {
    enum Column: String, CaseIterable, Sendable, Hashable {
        case name = "bedrijf"
        case stage = "fase"
        case jobs = "banen"
        case decision = "besluit"
    }

    enum Display: String, CaseIterable, Sendable {
        case list = "lijst"
        case board = "bord"
    }

    struct Filter: Sendable, Hashable {
        var stage: Acquisition.Stage?
        /// A cluster's key.
        var cluster: String?
        var display = Display.list
        var order = ListOrder<Column>(column: .decision, descending: false)

        var parameters: [(String, String?)] {
            [("fase", stage?.rawValue), ("cluster", cluster), ("weergave", display == .board ? display.rawValue : nil)]
        }
    }

    struct Model: Sendable {
        /// Every acquisition the viewer may know of (`AcquisitionService.visible`), for the figures by stage.
        let all: [AcquisitionService.Visible]
        /// Those the filter chooses, in its order (all of them for the board, one page for the list).
        let rows: [AcquisitionService.Visible]
        let total: Int
        let filter: Filter
        let today: CalendarDay
        let municipalityNames: [String: String]
        /// Every cluster, key and name, for the filter.
        let clusters: [Named.Keyed]
        let mayEdit: Bool
        static let pageSize = 50
    }

    static func query(_ filter: Filter, user: UUID?, today: CalendarDay, mayEdit: Bool, service: AcquisitionService) async throws -> Model {
        let clusters = try await ClusterService.all(on: service.database).map { Named.Keyed(key: $0.key, name: $0.name) }
        if let key = filter.cluster, !clusters.contains(where: { $0.key == key }) {
            throw Abort(.badRequest, reason: localized("Het cluster '\(key)' bestaat niet; kies \(clusters.map(\.key).joined(separator: ", ")).",
                                                       "The cluster '\(key)' does not exist; pick \(clusters.map(\.key).joined(separator: ", "))."))
        }
        let all = try await service.visible(try await Acquisition.query(on: service.database).all(), to: user)
        let chosen = all.filter { (filter.stage == nil || $0.stage == filter.stage) && (filter.cluster == nil || $0.cluster?.key == filter.cluster) }
        let order = filter.order
        let stageIndex = { (stage: Acquisition.Stage) in Acquisition.Stage.allCases.firstIndex(of: stage)! }
        let sorted = chosen.sorted { lhs, rhs in
            let byColumn: Bool? = switch order.column {
            case .name: order.inOrder(lhs.name.lowercased(), rhs.name.lowercased())
            case .stage: order.inOrder(stageIndex(lhs.stage), stageIndex(rhs.stage))
            case .jobs: order.inOrder(lhs.expectedJobs, rhs.expectedJobs)
            case .decision: order.inOrder(lhs.decisionOn, rhs.decisionOn)
            }
            return byColumn ?? ((lhs.name.lowercased(), lhs.id.uuidString) < (rhs.name.lowercased(), rhs.id.uuidString))
        }
        let start = min(sorted.count, (order.page - 1) * Model.pageSize)
        let rows = filter.display == .board ? sorted : Array(sorted[start..<min(sorted.count, start + Model.pageSize)])
        return Model(all: all, rows: rows, total: sorted.count, filter: filter, today: today,
                     municipalityNames: try ReferenceData.shared.get().municipalityNames, clusters: clusters, mayEdit: mayEdit)
    }
}
