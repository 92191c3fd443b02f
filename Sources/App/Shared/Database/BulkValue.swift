import Foundation
import PostgresNIO
import SQLiteNIO

/// A value for a bulk insert. Typed up front, so writing a million rows needs no dynamic casts,
/// and both drivers get their own values without going through Codable.
enum BulkValue: Encodable, Sendable {
    case text(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case uuid(UUID)
    case date(Date)
    case null

    init(_ value: String?) { self = value.map(BulkValue.text) ?? .null }
    init(_ value: Int?) { self = value.map(BulkValue.integer) ?? .null }
    init(_ value: Double?) { self = value.map(BulkValue.double) ?? .null }
    init(_ value: Bool) { self = .bool(value) }
    init(_ value: UUID?) { self = value.map(BulkValue.uuid) ?? .null }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .uuid(let value): try container.encode(value)
        case .date(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    var sqlite: SQLiteData {
        switch self {
        case .text(let value): .text(value)
        case .integer(let value): .integer(value)
        case .double(let value): .float(value)
        case .bool(let value): .integer(value ? 1 : 0)
        // As Fluent writes them on SQLite: UUIDs as text, dates as seconds since 1970.
        case .uuid(let value): .text(value.uuidString)
        case .date(let value): .float(value.timeIntervalSince1970)
        case .null: .null
        }
    }

    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .integer(let value): bindings.append(value)
        case .double(let value): bindings.append(value)
        case .bool(let value): bindings.append(value)
        case .uuid(let value): bindings.append(value)
        case .date(let value): bindings.append(value)
        case .null: bindings.appendNull()
        }
    }
}
