import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets up the application: configuration (read from the environment unless given), the
/// database, migrations, commands and routes.
public func configure(_ app: Application, config given: AppConfig? = nil) async throws {
    let config = try given ?? AppConfig.fromEnvironment()
    try await useDatabase(config.database, on: app)
    for migration in Migrations.all { app.migrations.add(migration) }

    app.asyncCommands.use(ServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(AnalyseCommand(), as: "analyse")
    app.asyncCommands.use(GenerateRegisterCommand(), as: "generate-register")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(GoalsCommands(), as: "goals")
    app.asyncCommands.use(ProgrammeCommand(), as: "programme")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")

    app.passwords.use(.bcrypt(cost: config.security.passwordCost))
    app.passwordCost = config.security.passwordCost
    app.config = config
    _ = app.viewCache // made once here, before requests can race to make them
    _ = app.dataCache
    app.useRecentReads()
    app.middleware = Middlewares()
    // Outermost first: the security headers reach every response, error pages included.
    app.middleware.use(MiddlewareChain([
        SecurityHeadersMiddleware(secure: config.security.secureCookies),
        RequestLogMiddleware(metrics: app.metrics),
        LanguageMiddleware(),
        ErrorPageMiddleware(),
    ]))
    try routes(app, config: config)
}

private func useDatabase(_ database: AppConfig.Database, on app: Application) async throws {
    switch database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let schema):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema {
            configuration.searchPath = [schema]
        }
        app.databases.use(.postgres(configuration: configuration), as: .psql)
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    }
}

enum Migrations {
    static let all: [any AsyncMigration] = [
        CreateSBICodes(), CreateMunicipalities(), CreatePopulation(), CreateEstablishments(),
        CreateRegisterRecords(), CreateNationalJobs(), CreateImportRuns(), CreateSettings(),
        CreateUsers(), CreateSessions(), CreateAPITokens(), CreateLoginFailures(), CreateAuditEvents(),
        CreateNationalDivisionJobs(), CreateOrganisations(), CreatePeople(), CreateAffiliations(), CreateTopics(), CreateContactMoments(),
        CreateFollowUps(), CreateQuestions(), CreateAcquisitions(), AddAPITokenExpiry(), DropRegionFlag(), AddUserLastLogin(), CreateClusters(), CreateEngagements(), AddEducationLevel(), CreateCollaborations(), AddShowcase(), LinkAcquisitionsToClusters(), IndexRegisterByEnterprise(), CreateGoals(), CreateManualValues(), CreateProgramme(), IndexProgrammeByProject(), CreateFutures(), CreateCouncilReports(), CreateComparisons(), AddPlaceDefaults(),
    ]
}
