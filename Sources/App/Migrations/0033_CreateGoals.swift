import Fluent
import Foundation
import SQLKit

/// Goals bound to indicators, and their measurements frozen per reporting date. The four goals of
/// the Economisch Perspectief are the defaults (../shared/reference/zwolle-strategy.json). The
/// strategy (about 2021) gives a baseline only for fast growers (20 in 2018, the OECD count for
/// 2015-2018); the others start from 0 on 2021-01-01, when there was nothing to count yet.
struct CreateGoals: AsyncMigration {
    var name: String { "0033_CreateGoals" }

    struct Default {
        let key, nl, en, indicator, parameters: String
        let perGrowthCluster: Bool
        let baseline: Double
        let baselineDate: String
        let target: Double
        let deadline: String
        let notes: String
    }

    static let defaults: [Default] = [
        Default(key: "snelle-groeiers", nl: "Snelle groeiers van 20 naar 30", en: "Fast growers from 20 to 30", indicator: "fast_growers",
                parameters: "definition=oecd", perGrowthCluster: false, baseline: 20, baselineDate: "2018-12-31", target: 30, deadline: "2025-12-31",
                notes: "Economisch Perspectief: het aantal snelgroeiende bedrijven stijgt van 20 (2018) naar 30 in 2025. De 20 is de OECD-telling over 2015-2018."),
        Default(key: "actieve-betrokkenheid", nl: "15 actief betrokken organisaties per groeicluster", en: "15 actively involved organisations per growth cluster",
                indicator: "active_involvement", parameters: "", perGrowthCluster: true, baseline: 0, baselineDate: "2021-01-01", target: 15, deadline: "2022-12-31",
                notes: "Economisch Perspectief: per groeicluster tonen minimaal 15 bedrijven en/of onderwijsinstellingen actieve betrokkenheid, eind 2022."),
        Default(key: "samenwerking-hoger-onderwijs", nl: "Samenwerking van de groeiclusters met hoger onderwijs",
                en: "Collaboration of the growth clusters with university education", indicator: "university_collaboration", parameters: "cluster=growth",
                perGrowthCluster: false, baseline: 0, baselineDate: "2021-01-01", target: 1, deadline: "2025-12-31",
                notes: "Economisch Perspectief: in 2025 is er een actieve samenwerking tussen de groeiclusters en het universitair onderwijs (wo of hbo)."),
        Default(key: "aangetrokken-bedrijven", nl: "3 bedrijven van buiten de regio in een groeicluster",
                en: "3 companies from outside the region in a growth cluster", indicator: "landed_acquisitions", parameters: "cluster=growth;since=2021-01-01",
                perGrowthCluster: false, baseline: 0, baselineDate: "2021-01-01", target: 3, deadline: "2025-12-31",
                notes: "Economisch Perspectief: in 2025 zijn minimaal drie nieuwe bedrijven van buiten Regio Zwolle aangetrokken die actief zijn in een groeicluster."),
    ]

    func prepare(on database: Database) async throws {
        try await database.schema("goals")
            .id()
            .field("key", .string, .required)
            .field("title_nl", .string, .required)
            .field("title_en", .string, .required)
            .field("indicator", .string, .required)
            .field("parameters", .string, .required)
            .field("per_growth_cluster", .bool, .required)
            .field("baseline_value", .double, .required)
            .field("baseline_date", .string, .required)
            .field("target", .double, .required)
            .field("deadline", .string, .required)
            .field("direction", .string, .required)
            .field("notes", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema("goal_measurements")
            .id()
            .field("reporting_date", .string, .required)
            .field("goal_id", .uuid, .required)
            .field("goal_key", .string, .required)
            .field("title", .string, .required)
            .field("row_key", .string, .required)
            .field("row_label", .string, .required)
            .field("indicator", .string, .required)
            .field("parameters", .string, .required)
            .field("value", .double)
            .field("as_of", .string)
            .field("expected", .double, .required)
            .field("status", .string)
            .field("problem", .string)
            .field("baseline_value", .double, .required)
            .field("baseline_date", .string, .required)
            .field("target", .double, .required)
            .field("deadline", .string, .required)
            .field("direction", .string, .required)
            .field("evidence", .string, .required)
            .field("import_runs", .string, .required)
            .field("taken_at", .datetime, .required)
            .field("taken_by", .uuid)
            .unique(on: "reporting_date", "goal_id", "row_key")
            .create()
        let sql = database as! any SQLDatabase
        for goal in Self.defaults {
            try await sql.insert(into: "goals")
                .columns("id", "key", "title_nl", "title_en", "indicator", "parameters", "per_growth_cluster", "baseline_value", "baseline_date",
                         "target", "deadline", "direction", "notes", "created_at", "updated_at")
                .values(SQLBind(UUID()), SQLBind(goal.key), SQLBind(goal.nl), SQLBind(goal.en), SQLBind(goal.indicator), SQLBind(goal.parameters),
                        SQLBind(goal.perGrowthCluster), SQLBind(goal.baseline), SQLBind(goal.baselineDate), SQLBind(goal.target), SQLBind(goal.deadline),
                        SQLBind("increase"), SQLBind(goal.notes), SQLBind(Date()), SQLBind(Date()))
                .run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("goal_measurements").delete()
        try await database.schema("goals").delete()
    }
}
