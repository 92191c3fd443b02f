import App
import Foundation
import Vapor

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    try await configure(app)
    try await app.execute()
    try await app.asyncShutdown()
} catch {
    FileHandle.standardError.write(Data("vliegwiel: \(error)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
