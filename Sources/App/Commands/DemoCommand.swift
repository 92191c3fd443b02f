import Fluent
import Vapor

/// `vliegwiel demo [--hostname H] [--port P]`: migrates, fills an empty database with the
/// synthetic Zwolle demo, and serves it like `serve`.
struct DemoCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    var help: String { "Fills an empty database with the synthetic Regio Zwolle demo and serves it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let application = context.application
        try await application.autoMigrate()
        context.console.print("Preparing the demo data (a synthetic register of Regio Zwolle, 2009-2025)...")
        switch try await DemoData(database: application.db).seed() {
        case .created(let records):
            context.console.print("Demo data created: \(DutchFormat.integer(records)) register records.")
        case .alreadyDemo:
            context.console.print("The database already holds the demo data; nothing was added.")
        case .hasOtherData:
            context.console.warning("The database holds an imported register, so no demo data was added. Serving it as it is.")
        }
        try await ServeCommand.serve(context, hostname: signature.hostname, port: signature.port)
    }
}
