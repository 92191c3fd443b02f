import Fluent
import Vapor

/// Programma > Rangorde and Selectie: the ranking with trial weights, saving the weights, and the
/// programme for a budget.
struct RankingController {
    /// Trial weights from the URL (`w_impact=...`), when any is given.
    private func trial(_ request: Request) -> [Criterion: String]? {
        let fields = Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, request.queryText("w_\($0.rawValue)").map { String($0.prefix(40)) }) })
        return fields.values.contains { $0 != nil } ? fields.compactMapValues { $0 } : nil
    }

    func ranking(_ request: Request) async throws -> Response {
        let trial = trial(request)
        do {
            let model = try await RankingPage.query(trial: trial, mayEdit: request.may(.editProgramme), on: request.db)
            return .html(RankingPage.View(model: model, viewer: try await request.signedInViewer()).render())
        } catch let invalid as InvalidFields {
            // Trial weights that cannot be used: the saved ranking, with the form and what was wrong.
            var model = try await RankingPage.query(trial: nil, mayEdit: request.may(.editProgramme), on: request.db)
            (model.weightFields, model.problems) = (trial ?? [:], invalid.problems)
            let response = Response.html(RankingPage.View(model: model, viewer: try await request.signedInViewer()).render())
            response.status = .badRequest
            return response
        }
    }

    struct WeightsForm: Content {
        var reason: String?
        var w_impact: String?
        var w_vliegwiel: String?
        var w_businesscase: String?
        var w_eigenaarschap: String?
        var w_samenwerking: String?

        var fields: [Criterion: String] {
            let values: [(Criterion, String?)] = [(.impact, w_impact), (.vliegwiel, w_vliegwiel), (.businesscase, w_businesscase),
                                                  (.eigenaarschap, w_eigenaarschap), (.samenwerking, w_samenwerking)]
            return Dictionary(uniqueKeysWithValues: values.map { ($0.0, $0.1 ?? "") })
        }
    }

    func saveWeights(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(WeightsForm.self)
        return try await request.saving({
            let values = try ProgrammeWeights.parse(form.fields) { "w_\($0.rawValue)" }
            try await ProgrammeWeights.save(values, reason: form.reason, by: request.auditActor, on: request.db)
            return SiteURL.ranking.path
        }, orShow: { problems in
            var model = try await RankingPage.query(trial: nil, mayEdit: true, on: request.db)
            (model.weightFields, model.reason, model.problems) = (form.fields, form.reason, problems)
            return .html(RankingPage.View(model: model, viewer: try await request.signedInViewer()).render())
        })
    }

    func selection(_ request: Request) async throws -> Response {
        let method = try request.choice("methode", as: ProgrammeRanking.Method.self) ?? .wsm
        let model = try await SelectionPage.query(budget: request.queryText("budget").map { String($0.prefix(40)) }, method: method, on: request.db)
        let response = Response.html(SelectionPage.View(model: model, viewer: try await request.signedInViewer()).render())
        if !model.problems.isEmpty { response.status = .badRequest }
        return response
    }
}
