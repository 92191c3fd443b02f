import App
import Fluent
import Foundation
import Vapor

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)

/// Ends the process with a message on stderr and a non-zero exit code.
func fail(_ message: String?) async -> Never {
    if let message { FileHandle.standardError.write(Data("vliegwiel: \(message)\n".utf8)) }
    try? await app.asyncShutdown()
    exit(1)
}

do {
    try await configure(app)
} catch {
    await fail("\(error)")
}
do {
    try await app.execute()
} catch {
    // The command runner has printed the error already; database drivers hide their details
    // from that text, and a person at the terminal needs them.
    await fail(error is any DatabaseError ? String(reflecting: error) : nil)
}
try await app.asyncShutdown()
