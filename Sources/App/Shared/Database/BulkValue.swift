import Foundation
import PostgresNIO
import SQLiteNIO

/// A value for a bulk insert. Typed up front, so writing a million rows needs no dynamic casts,
/// and both drivers get their own values without going through Codable.
enum BulkValue: Encodable, Hashable, Sendable {
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

    /// The value as a field of PostgreSQL's `COPY` text format: `\\N` for null, and a backslash
    /// before the characters that would end the field or the row.
    func writeCopyText(to buffer: inout ByteBuffer) {
        switch self {
        case .text(let value):
            if value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeString(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                    .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r"))
            } else {
                buffer.writeString(value)
            }
        case .integer(let value): buffer.writeString(String(value))
        case .double(let value): buffer.writeString(value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : "\(value)")
        case .bool(let value): buffer.writeStaticString(value ? "t" : "f")
        case .uuid(let value): buffer.writeString(value.uuidString)
        case .date(let value): buffer.writeString(Self.timestamp(value))
        case .null: buffer.writeStaticString("\\N")
        }
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// A moment as PostgreSQL reads a `timestamptz`: UTC with microseconds.
    private static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
        let micro = Int(((seconds - whole) * 1_000_000).rounded())
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%06d+00", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, min(micro, 999_999))
    }
}
