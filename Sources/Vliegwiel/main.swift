import App
import Foundation
import Fluent
import Vapor

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    try await configure(app)
    try await app.execute()
    try await app.asyncShutdown()
} catch {
    // Database drivers hide their details from `description`; a person at the terminal needs them.
    let message = error is any DatabaseError ? String(reflecting: error) : "\(error)"
    FileHandle.standardError.write(Data("vliegwiel: \(message)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
