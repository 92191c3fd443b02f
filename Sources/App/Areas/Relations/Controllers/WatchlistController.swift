import Fluent
import Vapor

/// Relaties > Volglijst, the privacy review of people, and their settings.
struct WatchlistController {
    let area: String

    func watchlist(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let generation = try await request.dataState().generation
        let panel = try await request.application.viewCache.panel(generation: generation, on: request.db)
        let model = try await WatchlistPage.query(area: area, panel: panel, mayEdit: request.may(.editRelations), on: request.db)
        return .html(WatchlistPage.View(model: model, viewer: viewer).render())
    }

    func review(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        return .html(PeopleReview.View(model: try await PeopleReview.query(on: request.db), viewer: viewer).render())
    }

    /// Saves the watchlist's months or the review's years (administrators).
    func saveSettings(_ request: Request) async throws -> Response {
        struct Form: Decodable { var watchlistMonths: String?; var reviewAfterYears: String?
            enum CodingKeys: String, CodingKey { case watchlistMonths = "watchlist_months", reviewAfterYears = "review_after_years" }
        }
        let form = try request.checkedForm(Form.self)
        var check = FieldCheck()
        let months = check.count("watchlist_months", form.watchlistMonths, in: 1...120)
        let years = check.count("review_after_years", form.reviewAfterYears, in: 1...30)
        try check.throwIfAny()
        if let months { try await save(.watchlistMonths, months, request) }
        if let years { try await save(.reviewAfterYears, years, request) }
        return request.redirect(to: years != nil ? SiteURL.peopleReview.path : SiteURL.watchlist.path)
    }

    private func save(_ key: Setting.Key, _ value: Int, _ request: Request) async throws {
        let old = try await Setting.value(key, on: request.db)
        try await Setting.set(key, String(value), on: request.db)
        try await Audit.record(.update, .setting, id: key.rawValue, changes: [.value("value", old: old, new: String(value))], by: request.auditActor, on: request.db)
    }
}
