import Vapor

/// Toekomst: scenarios and policy options, the robustness test with six metrics, and signposts
/// that watch the indicator catalogue for a scenario unfolding, with their alerts.
enum FuturesArea {
    static func register(on routes: AreaRoutes) {
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        let futures = FuturesController()
        readers.get(SiteURL.futures.pathComponents, use: futures.index)
        editors.post(SiteURL.futuresSettings.pathComponents, use: futures.saveSettings)
        editors.get(SiteURL.robustnessScores.pathComponents, use: futures.scoreForm)
        editors.post(SiteURL.robustnessScores.pathComponents, use: futures.saveScores)
        for kind in FuturesItem.Kind.allCases {
            readers.get(kind.listPage.pathComponents, use: futures.list(kind))
            editors.get(kind.newPage.pathComponents, use: futures.newForm(kind))
            editors.post(kind.listPage.pathComponents, use: futures.create(kind))
            readers.get(kind.page.pathComponents, use: futures.show(kind))
            editors.get(kind.editPage.pathComponents, use: futures.editForm(kind))
            editors.post(kind.page.pathComponents, use: futures.update(kind))
            editors.post(kind.deletePage.pathComponents, use: futures.delete(kind))
        }
        let signposts = SignpostsController()
        readers.get(SiteURL.signposts.pathComponents, use: signposts.index)
        editors.get(SiteURL.newSignpost.pathComponents, use: signposts.newForm)
        editors.post(SiteURL.signposts.pathComponents, use: signposts.create)
        editors.post(SiteURL.evaluateSignposts.pathComponents, use: signposts.evaluate)
        readers.get(SiteURL.signpost.pathComponents, use: signposts.show)
        editors.get(SiteURL.editSignpost.pathComponents, use: signposts.editForm)
        editors.post(SiteURL.signpost.pathComponents, use: signposts.update)
        editors.post(SiteURL.deleteSignpost.pathComponents, use: signposts.delete)
        editors.post(SiteURL.acknowledgeAlert.pathComponents, use: signposts.acknowledge)

        let api = routes.api.grouped("api", "v1")
        let apiReaders = api.grouped(AccessGuard(permission: .read)), apiEditors = api.grouped(AccessGuard(permission: .editProgramme))
        apiReaders.get("futures", "robustness", use: FuturesAPI.robustness)
            .documented("The robustness test of the policy options against the scenarios",
                        "The median score per option and scenario with its spread and scores, the decision metrics (maximin, maximax, Hurwicz, minimax regret, Laplace, satisficing) with their ranking, and the conclusion.",
                        query: [.text("optimism", "Hurwicz's optimism (0 to 1) to try; the saved one when left out."),
                                .text("threshold", "The satisficing threshold to try; the saved one when left out.")])
        apiEditors.put("futures", "scores", use: FuturesAPI.scores)
            .documented("Sets one assessor's scores", "For the requesting user unless `assessor_user` or `assessor_person` names another; a cell with an empty score loses its score.",
                        body: RobustnessScoresInput.self)
        apiEditors.put("futures", "settings", use: FuturesAPI.settings)
            .documented("Saves the optimism and threshold of the test", body: FuturesAPI.SettingsInput.self)
        apiEditors.post("signposts", "evaluate", use: FuturesAPI.evaluate)
            .documented("Reads every signpost now", "Raises an alert for each that crossed its trigger since the last reading.")
        apiReaders.get("alerts", use: FuturesAPI.alerts)
            .documented("Lists the signposts' alerts", "Newest first.", query: [.flag("open", "Only those not acknowledged (true) or only those acknowledged (false).")])
        apiEditors.post("alerts", ":id", "acknowledge", use: FuturesAPI.acknowledge)
            .documented("Acknowledges an alert")
        ResourceAPI<FuturesItemsResource<ScenarioKind>>(write: .editProgramme).register(on: api)
        ResourceAPI<FuturesItemsResource<OptionKind>>(write: .editProgramme).register(on: api)
        ResourceAPI<SignpostsResource>(write: .editProgramme).register(on: api)
    }
}

extension FuturesItem.Kind {
    /// The pages of a scenario or option.
    var listPage: SiteURL { self == .scenario ? .scenarios : .policyOptions }
    var newPage: SiteURL { self == .scenario ? .newScenario : .newPolicyOption }
    var page: SiteURL { self == .scenario ? .scenario : .policyOption }
    var editPage: SiteURL { self == .scenario ? .editScenario : .editPolicyOption }
    var deletePage: SiteURL { self == .scenario ? .deleteScenario : .deletePolicyOption }
}
