import Fluent
import Vapor

extension Model where IDValue == UUID {
    /// The record with this id, or a 404 whose reason says what is missing.
    static func find(_ id: UUID?, on database: Database, missing: @autoclosure () -> String) async throws -> Self {
        guard let id, let record = try await find(id, on: database) else { throw Abort(.notFound, reason: missing()) }
        return record
    }
}
