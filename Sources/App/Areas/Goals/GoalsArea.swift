import Vapor

/// Doelen: the strategy's promises bound to indicators of one catalogue, with trajectory, status,
/// evidence and measurements frozen per reporting date.
enum GoalsArea {
    static func register(on routes: AreaRoutes) {
        let goals = GoalsController()
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        readers.get(SiteURL.goals.pathComponents, use: goals.index)
        editors.get(SiteURL.newGoal.pathComponents, use: goals.newForm)
        editors.post(SiteURL.goals.pathComponents, use: goals.create)
        editors.post(SiteURL.goalSnapshots.pathComponents, use: goals.freeze)
        readers.get(SiteURL.goalSnapshot.pathComponents, use: goals.snapshot)
        readers.get(SiteURL.goal.pathComponents, use: goals.show)
        editors.get(SiteURL.editGoal.pathComponents, use: goals.editForm)
        editors.post(SiteURL.goal.pathComponents, use: goals.update)
        editors.post(SiteURL.deleteGoal.pathComponents, use: goals.delete)
        let manual = ManualValuesController()
        readers.get(SiteURL.manualValues.pathComponents, use: manual.index)
        editors.post(SiteURL.manualValues.pathComponents, use: manual.create)
        editors.post(SiteURL.deleteManualValue.pathComponents, use: manual.delete)

        let api = routes.api.grouped("api", "v1")
        let apiReaders = api.grouped(AccessGuard(permission: .read)), apiEditors = api.grouped(AccessGuard(permission: .editProgramme))
        apiReaders.get("indicators", use: IndicatorsAPI.list)
        apiReaders.get("indicators", ":id", use: IndicatorsAPI.show)
        apiReaders.get("goals", use: GoalsAPI.list)
        apiReaders.get("goals", "snapshots", use: GoalsAPI.snapshots)
        apiReaders.get("goals", "snapshots", ":date", use: GoalsAPI.snapshot)
        apiEditors.post("goals", "snapshots", use: GoalsAPI.freeze)
        apiReaders.get("goals", ":id", use: GoalsAPI.show)
        apiEditors.post("goals", use: GoalsAPI.create)
        apiEditors.put("goals", ":id", use: GoalsAPI.replace)
        apiEditors.patch("goals", ":id", use: GoalsAPI.change)
        apiEditors.delete("goals", ":id", use: GoalsAPI.delete)
        apiReaders.get("manual-values", use: GoalsAPI.manualValues)
        apiEditors.post("manual-values", use: GoalsAPI.addManualValue)
        apiEditors.delete("manual-values", ":id", use: GoalsAPI.deleteManualValue)
    }
}
