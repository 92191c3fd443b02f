import Fluent
import Vapor

/// `vliegwiel serve [--hostname H] [--port P]`: migrates the database, then serves the web app.
struct ServeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1).")
        var hostname: String?

        @Option(name: "port", short: "p", help: "Port to listen on (default 8080).")
        var port: Int?
    }

    var help: String { "Migrates the database and serves Vliegwiel over HTTP." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.migrate()
        try await Self.serve(context, hostname: signature.hostname, port: signature.port)
    }

    /// Hands over to Vapor's own serve command, which runs until the process is stopped.
    static func serve(_ context: CommandContext, hostname: String?, port: Int?) async throws {
        // Load the register panel for the monitor pages in the background, so the first visitor need not wait.
        let application = context.application
        Task {
            do {
                _ = try await application.viewCache.panel(generation: try await ViewCache.generation(on: application.db), on: application.db)
                application.logger.info("Monitor data loaded.")
            } catch {
                application.logger.warning("Could not load the monitor data in advance: \(String(describing: error))")
            }
        }
        var arguments = ["vliegwiel"]
        if let hostname { arguments += ["--hostname", hostname] }
        if let port { arguments += ["--port", String(port)] }
        var serveContext = context
        serveContext.input = CommandInput(arguments: arguments)
        try await context.application.servers.asyncCommand.run(using: &serveContext)
    }
}
