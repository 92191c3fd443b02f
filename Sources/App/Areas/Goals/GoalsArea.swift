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
        let goalKey = [APIParameter.text("id", "The goal's key (`fast-growers`).")]
        apiReaders.get("indicators", use: IndicatorsAPI.list)
            .documented("Lists the indicators", "The catalogue goals and signposts measure with, each with the parameters it takes.")
        apiReaders.get("indicators", ":id", use: IndicatorsAPI.show)
            .documented("An indicator's value with its evidence",
                        "The parameters are those the indicator lists (`area`, `cluster`, `year`, `definition`, `since`, ...); a parameter it does not take, or a bad value, is a 400 naming it.",
                        path: [.text("id", "The indicator's id (`fast_growers`).")], query: [.day("date", "The day to measure on; today when left out, never later.")])
        apiReaders.get("goals", use: GoalsAPI.list)
            .documented("Lists the goals", "Each with its value today, the value its trajectory expects today, and its status.")
        apiReaders.get("goals", "snapshots", use: GoalsAPI.snapshots)
            .documented("Lists the frozen reporting dates", "Latest first, without their measurements.")
        apiReaders.get("goals", "snapshots", ":date", use: GoalsAPI.snapshot)
            .documented("One reporting date with its measurements", path: [.day("date", "The reporting date.")])
        apiEditors.post("goals", "snapshots", use: GoalsAPI.freeze)
            .documented("Freezes every goal's measurement on a reporting date", "Not for a day in the future, before the register's first year, or frozen before: a frozen measurement does not change.",
                        body: GoalsAPI.FreezeRequest.self, created: GoalsAPI.Snapshot.self)
        apiReaders.get("goals", ":id", use: GoalsAPI.show)
            .documented("Reads one goal", path: goalKey)
        apiEditors.post("goals", use: GoalsAPI.create)
            .documented("Adds a goal", body: GoalInput.self, created: GoalsAPI.Goal.self)
        apiEditors.put("goals", ":id", use: GoalsAPI.replace)
            .documented("Replaces a goal", path: goalKey, body: GoalInput.self)
        apiEditors.patch("goals", ":id", use: GoalsAPI.change)
            .documented("Changes some fields of a goal", "The fields left out keep their values.", path: goalKey, body: GoalInput.self)
        apiEditors.delete("goals", ":id", use: GoalsAPI.delete)
            .documented("Deletes a goal", path: goalKey)
        apiReaders.get("manual-values", use: GoalsAPI.manualValues)
            .documented("Lists the values of manual indicators", "By series, latest first.", query: [.text("series", "One series.")])
        apiEditors.post("manual-values", use: GoalsAPI.addManualValue)
            .documented("Adds a value to a manual series", body: ManualValueInput.self, created: GoalsAPI.ManualEntry.self)
        apiEditors.delete("manual-values", ":id", use: GoalsAPI.deleteManualValue)
            .documented("Deletes a manual value")
    }
}
