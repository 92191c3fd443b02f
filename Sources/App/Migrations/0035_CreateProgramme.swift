import Fluent

/// The execution programme: projects with their phases, partners, clusters, goals, milestones,
/// decisions and scores on the five criteria; the driver team with its meetings. A meeting's
/// actions are follow-ups that name the meeting (and perhaps a project).
struct CreateProgramme: AsyncMigration {
    var name: String { "0035_CreateProgramme" }

    func prepare(on database: Database) async throws {
        try await database.schema("projects")
            .id()
            .field("name", .string, .required)
            .field("description", .string)
            .field("lead_organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("lead_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("place_id", .uuid, .references("places", "id", onDelete: .setNull))
            .field("budget_total", .double)
            .field("budget_municipal", .double)
            .field("funding_sources", .string)
            .field("phase", .string, .required)
            .field("phase_since", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("must_include", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("project_phases")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("phase", .string, .required)
            .field("since", .string, .required)
            .create()
        for (table, column, target) in [("project_partners", "organisation_id", "organisations"), ("project_clusters", "cluster_id", "clusters"),
                                        ("project_goals", "goal_id", "goals")] {
            try await database.schema(table)
                .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
                .field(.string(column), .uuid, .required, .references(target, "id", onDelete: .cascade))
                .compositeIdentifier(over: "project_id", .string(column))
                .create()
        }
        try await database.schema("project_milestones")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("what", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .create()
        try await database.schema("project_scores")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("criterion", .string, .required)
            .field("assessor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("assessor_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("score", .int, .required)
            .field("rationale", .string, .required)
            .field("scored_on", .string, .required)
            .create()
        try await database.schema("meetings")
            .id()
            .field("date", .string, .required)
            .field("title", .string, .required)
            .field("location", .string)
            .field("minutes", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("meeting_attendees")
            .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .compositeIdentifier(over: "meeting_id", "person_id")
            .create()
        try await database.schema("agenda_items")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("project_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .field("goal_id", .uuid, .references("goals", "id", onDelete: .setNull))
            .field("cluster_id", .uuid, .references("clusters", "id", onDelete: .setNull))
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .create()
        try await database.schema("decisions")
            .id()
            .field("date", .string, .required)
            .field("decision", .string, .required)
            .field("decided_by", .string, .required)
            .field("reasoning", .string)
            // Set to null, not cascaded: the services decide what stays (a meeting's decision about
            // a project stays in the project's log; a project's own decisions go with it).
            .field("project_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .field("meeting_id", .uuid, .references("meetings", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
        try await database.schema("driver_team_members")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("side", .string, .required)
            .field("since", .string, .required)
            .field("until", .string)
            .create()
        try await database.schema("follow_ups").field("meeting_id", .uuid, .references("meetings", "id", onDelete: .setNull)).update()
        try await database.schema("follow_ups").field("project_id", .uuid, .references("projects", "id", onDelete: .setNull)).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("follow_ups").deleteField("project_id").update()
        try await database.schema("follow_ups").deleteField("meeting_id").update()
        for table in ["driver_team_members", "decisions", "agenda_items", "meeting_attendees", "meetings", "project_scores", "project_milestones",
                      "project_goals", "project_clusters", "project_partners", "project_phases", "projects"] {
            try await database.schema(table).delete()
        }
    }
}
