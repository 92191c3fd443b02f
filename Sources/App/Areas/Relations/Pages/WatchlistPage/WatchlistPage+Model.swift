import Analysis
import Fluent
import Foundation

/// Relaties > Volglijst: fast growers and the largest employers without recent contact (see
/// `Watchlist`), and the months that count as recent.
enum WatchlistPage {
    struct Model: Sendable, Equatable {
        /// The register year the list is about; nil without a register.
        let year: Int?
        let months: Int
        let entries: [Watchlist.Entry]
        let mayEdit: Bool
        let isDemo: Bool
    }

    static func query(area: String, panel: RegisterPanel, mayEdit: Bool, on database: Database) async throws -> Model {
        let months = try await Setting.number(.watchlistMonths, default: 12, on: database)
        let (year, entries) = try await Watchlist(database: database).entries(panel: panel, area: area, months: months)
        return Model(year: year, months: months, entries: entries, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
