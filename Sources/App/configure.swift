import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Plot
public func configure(_ app: Application) async throws {}
