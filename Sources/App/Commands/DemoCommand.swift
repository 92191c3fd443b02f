import Fluent
import Vapor

/// `vliegwiel demo [--hostname H] [--port P]`: migrates, fills an empty database with the
/// synthetic Zwolle demo, and serves it like `serve`.
struct DemoCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    var help: String { "Fills an empty database with the synthetic Regio Zwolle demo and serves it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let application = context.application
        try await application.migrate()
        context.console.print("Preparing the demo data (a synthetic register of Regio Zwolle, 2009-2025)...")
        if !AppConfig.Region.zwolle.members.contains(application.config.area) {
            context.console.warning("VLIEGWIEL_AREA is \(application.config.area), outside Regio Zwolle: the demo has no data for it, so its home page stays empty.")
        }
        let seeded = try await DemoData(database: application.db).seed()
        try await Setting.dataChanged(on: application.db)
        switch seeded {
        case .created(let records):
            context.console.print("Demo data created: \(Format.integer(records)) register records.")
        case .alreadyDemo:
            context.console.print("The database already holds the demo data; nothing was added.")
        case .hasOtherData:
            context.console.warning("The database holds an imported register, so no demo data was added. Serving it as it is.")
        }
        let password = try await Self.demoAdministrator(on: application)
        if let relations = try await Self.seedRelations(on: application) {
            context.console.print("Demo relations created: \(relations.organisations) organisations, \(relations.people) people, "
                + "\(relations.contactMoments) contact moments, \(relations.followUps) follow-ups, \(relations.questions) questions, \(relations.acquisitions) acquisitions, "
                + "\(try await Engagement.query(on: application.db).count()) cluster engagements, "
                + "\(try await Collaboration.query(on: application.db).count()) collaborations, "
                + "\(try await Organisation.query(on: application.db).filter(\.$showcaseSince != nil).count()) organisations in the showcase.")
        }
        if let password {
            context.console.print("Demo login: \(Self.demoEmail) with password \(password)")
            context.console.print("(Only its hash is stored: note it now. It stays the same when the demo restarts on this database;")
            context.console.print(" `swift run vliegwiel user reset-password --email \(Self.demoEmail)` sets a new one.)")
        } else {
            context.console.print("Demo login: \(Self.demoEmail) with the password printed when this database was created "
                + "(`swift run vliegwiel user reset-password --email \(Self.demoEmail)` sets a new one).")
        }
        try await ServeCommand.serve(context, hostname: signature.hostname, port: signature.port)
    }

    static let demoEmail = "demo@vliegwiel.example"

    /// Fills the relations register of a demo database that has none yet, the clusters' work, the
    /// goals' history and the programme with its driver team.
    static func seedRelations(on application: Application) async throws -> DemoRelations.Summary? {
        guard try await Setting.isDemo(on: application.db), try await Organisation.query(on: application.db).count() == 0,
              let administrator = try await User.query(on: application.db).filter(\.$email == demoEmail).first() else { return nil }
        let summary = try await DemoRelations(database: application.db, administrator: administrator).seed()
        try await DemoClusters(database: application.db).seed()
        try await DemoGoals.seed(on: application)
        try await DemoProgramme(database: application.db, administrator: administrator).seed()
        try await DemoFutures.seed(on: application)
        try await Setting.dataChanged(on: application.db)
        return summary
    }

    /// Makes sure the demo has an active administrator. A new one gets a random password, returned
    /// to be printed once (only its hash is stored); an existing one keeps theirs, so a restart
    /// does not log anyone out (nil).
    static func demoAdministrator(on application: Application) async throws -> String? {
        let accounts = Accounts(database: application.db, passwordCost: application.passwordCost, actor: .system)
        if let user = try await User.query(on: application.db).filter(\.$email == demoEmail).first() {
            if user.role != .admin || !user.active { try await accounts.update(user, role: .admin, active: true) }
            return nil
        }
        let password = String(Secret.make().prefix(20))
        _ = try await accounts.create(email: demoEmail, name: "Demobeheerder", role: .admin, password: password)
        return password
    }
}
