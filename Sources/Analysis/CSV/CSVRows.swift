/// Reads a CSV file with a header row by column name, collecting every problem it meets
/// (line, column, reason) instead of stopping at the first. The parsers of the data contracts
/// (register, national totals, population) are built on it.
public struct CSVRows: Sendable {
    private var reader: CSVReader
    private let columns: [String: Int]
    private var fields: [CSVReader.Field] = []
    public private(set) var problems: [ImportProblem] = []
    /// Line of the first row with each key passed to `checkUnique`.
    private var keys: [String: Int] = [:]
    private var numericKeys: [Int: Int] = [:]
    public var line: Int { reader.line }

    /// Reads the header. A missing required column is a problem on line 1; header names are
    /// matched without regard to case or surrounding spaces.
    public init(bytes: [UInt8], required: [String]) {
        reader = CSVReader(bytes: bytes)
        var header: [CSVReader.Field] = []
        var names: [String: Int] = [:]
        do {
            if try reader.nextRecord(into: &header) {
                for (index, field) in header.enumerated() {
                    names[reader.string(field).lowercased(), default: index] = index
                }
            }
        } catch {
            problems.append(ImportProblem(line: 1, column: nil, reason: "the header has a quote that is never closed"))
        }
        columns = names
        if names.isEmpty, problems.isEmpty {
            problems.append(ImportProblem(line: 1, column: nil, reason: "the file is empty; expected a header row"))
        } else {
            for name in required where names[name] == nil {
                problems.append(ImportProblem(line: 1, column: name, reason: "required column is missing from the header"))
            }
        }
    }

    public func has(_ column: String) -> Bool { columns[column] != nil }

    /// Moves to the next data row; false at the end of the file or after a broken quote.
    public mutating func next() -> Bool {
        do {
            return try reader.nextRecord(into: &fields)
        } catch {
            problems.append(ImportProblem(line: reader.line, column: nil, reason: "a quote is opened and never closed; the rest of the file cannot be read"))
            return false
        }
    }

    public mutating func report(_ column: String?, _ reason: String) {
        problems.append(ImportProblem(line: reader.line, column: column, reason: reason))
    }

    /// Reports the row when an earlier row had the same key, e.g. the same establishment and year.
    public mutating func checkUnique(_ key: String, column: String, _ what: String) {
        if let first = keys[key] {
            report(column, "\(what) already has a row on line \(first)")
        } else {
            keys[key] = line
        }
    }

    /// `checkUnique` for a key that fits in an integer, which is much cheaper on large files.
    public mutating func checkUnique(_ key: Int, column: String, _ what: @autoclosure () -> String) {
        if let first = numericKeys.updateValue(line, forKey: key) {
            numericKeys[key] = first
            report(column, "\(what()) already has a row on line \(first)")
        }
    }

    private func field(_ column: String) -> CSVReader.Field? {
        guard let index = columns[column], index < fields.count else { return nil }
        return fields[index]
    }

    /// The trimmed text of a column, "" when the column or field is absent.
    public func text(_ column: String) -> String {
        field(column).map(reader.string) ?? ""
    }

    /// A required text; reports it when empty.
    public mutating func requiredText(_ column: String) -> String? {
        let value = text(column)
        if value.isEmpty { report(column, "is empty; a value is required"); return nil }
        return value
    }

    /// A non-negative whole number, or nil when it is empty (a problem unless `optional`) or invalid
    /// (always a problem). Callers tell the cases apart by whether `problems` grew.
    public mutating func count(_ column: String, optional: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let field = field(column), !reader.isEmpty(field) else {
            if !optional { report(column, "is empty; a whole number is required") }
            return nil
        }
        guard let value = reader.unsignedInteger(field) else {
            report(column, "'\(reader.string(field))' is not a non-negative whole number")
            return nil
        }
        if let range, !range.contains(value) {
            report(column, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    /// A decimal number written with a point, or nil when empty or invalid (then reported).
    public mutating func decimal(_ column: String, in range: ClosedRange<Double>) -> Double? {
        let value = text(column)
        if value.isEmpty { return nil }
        guard let number = Double(value), number.isFinite else {
            report(column, "'\(value)' is not a number (use a point for decimals)")
            return nil
        }
        guard range.contains(number) else {
            report(column, "\(value) is outside \(Int(range.lowerBound))...\(Int(range.upperBound))")
            return nil
        }
        return number
    }

    /// A string of exactly `length` ASCII digits.
    public mutating func digits(_ column: String, length: Int) -> String? {
        guard let value = requiredText(column) else { return nil }
        guard value.utf8.count == length, value.utf8.allSatisfy({ $0 >= .zero && $0 <= .nine }) else {
            report(column, "'\(value)' must be exactly \(length) digits")
            return nil
        }
        return value
    }
}
