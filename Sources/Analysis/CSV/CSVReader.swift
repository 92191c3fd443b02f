import Foundation

/// A byte-level CSV reader (RFC 4180 quoting) over a file held in memory.
///
/// It never splits lines into `String`s: a record is a list of byte ranges into the buffer, and
/// only the fields a caller asks for are decoded. The delimiter (`,` or `;`) is taken from the
/// header line, a UTF-8 byte-order mark is skipped, and a file that is not valid UTF-8 is read
/// as Windows-1252 (`TextEncoding`), so that no text is ever stored damaged.
public struct CSVReader: Sendable {
    public struct Field: Sendable {
        public let range: Range<Int>
        /// The field was quoted and contains doubled quotes that must be collapsed.
        let hasEscapedQuotes: Bool
    }

    public let bytes: [UInt8]
    public let delimiter: UInt8
    /// What the file was encoded in (it is read as UTF-8 either way).
    public let encoding: TextEncoding
    private var position: Int
    /// Where the next record starts, as a byte offset into `bytes`.
    public var offset: Int { position }
    /// 1-based line number of the record most recently read.
    public private(set) var line = 0
    private var nextLine = 1

    public init(bytes: [UInt8]) {
        (self.bytes, self.encoding) = TextEncoding.utf8(from: bytes)
        let start = self.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.position = start
        self.delimiter = Self.detectDelimiter(self.bytes, from: start)
    }

    /// The delimiter that occurs most often outside quotes on the first line; `,` on a tie.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .quote { inQuotes.toggle() }
            else if !inQuotes {
                if byte == .newline { break }
                if byte == .comma { commas += 1 } else if byte == .semicolon { semicolons += 1 }
            }
            index += 1
        }
        return semicolons > commas ? .semicolon : .comma
    }

    /// Reads the next record into `fields` (cleared first). Returns false at the end of the input.
    /// Blank lines are skipped. Throws on a quote that is never closed.
    public mutating func nextRecord(into fields: inout [Field]) throws(CSVError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        // Skip blank lines.
        while position < count, bytes[position] == .newline || bytes[position] == .carriageReturn {
            if bytes[position] == .newline { nextLine += 1 }
            position += 1
        }
        guard position < count else { return false }
        line = nextLine
        return try bytes.withUnsafeBufferPointer { buffer throws(CSVError) -> Bool in
            var index = position
            while true {
                if index < count, buffer[index] == .quote {
                    // Quoted field: runs to the closing quote that is not doubled.
                    let start = index + 1
                    var cursor = start, escaped = false
                    while true {
                        guard cursor < count else { throw CSVError.unclosedQuote(line: line) }
                        let byte = buffer[cursor]
                        if byte == .quote {
                            if cursor + 1 < count, buffer[cursor + 1] == .quote {
                                escaped = true
                                cursor += 2
                                continue
                            }
                            break
                        }
                        if byte == .newline { nextLine += 1 }
                        cursor += 1
                    }
                    fields.append(Field(range: start..<cursor, hasEscapedQuotes: escaped))
                    index = cursor + 1
                    // Anything between the closing quote and the delimiter is ignored.
                    while index < count, buffer[index] != delimiter, buffer[index] != .newline { index += 1 }
                } else {
                    let start = index
                    while index < count, buffer[index] != delimiter, buffer[index] != .newline { index += 1 }
                    var end = index
                    if end > start, buffer[end - 1] == .carriageReturn { end -= 1 }
                    fields.append(Field(range: start..<end, hasEscapedQuotes: false))
                }
                if index < count, buffer[index] == delimiter {
                    index += 1
                    continue
                }
                // End of line or input.
                if index < count { index += 1 }
                nextLine += 1
                position = index
                return true
            }
        }
    }

    /// The field's text, trimmed of surrounding spaces and tabs (at byte level: fast, and no
    /// detour through Foundation's string bridging).
    public func string(_ field: Field) -> String {
        var start = field.range.lowerBound, end = field.range.upperBound
        while start < end, bytes[start] == .space || bytes[start] == .tab { start += 1 }
        while end > start, bytes[end - 1] == .space || bytes[end - 1] == .tab { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return field.hasEscapedQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// True when the field holds nothing but spaces.
    public func isEmpty(_ field: Field) -> Bool {
        bytes[field.range].allSatisfy { $0 == .space }
    }

    /// The field as a non-negative integer of plain ASCII digits (spaces around allowed), or nil.
    public func unsignedInteger(_ field: Field) -> Int? {
        var value = 0, digits = 0
        var index = field.range.lowerBound
        let end = field.range.upperBound
        while index < end, bytes[index] == .space { index += 1 }
        while index < end {
            let byte = bytes[index]
            if byte == .space { break }
            guard byte >= .zero, byte <= .nine, digits < 18 else { return nil }
            value = value &* 10 &+ Int(byte &- .zero)
            digits += 1
            index += 1
        }
        while index < end, bytes[index] == .space { index += 1 }
        return digits > 0 && index == end ? value : nil
    }
}

public enum CSVError: Error, Equatable, Sendable {
    case unclosedQuote(line: Int)
}

extension UInt8 {
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}
