/// The Dutch-Excel variant of a CSV export: UTF-8 with a byte-order mark (so that Excel reads
/// "Financiële" as it is), `;` between the cells and a decimal comma in numbers (14,5), which is
/// what Excel with Dutch settings expects. The cells are those of the CSV, neutralised the same way.
public enum ExcelCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func convert(_ csv: String) throws(CSVError) -> String {
        var reader = CSVReader(bytes: Array(csv.utf8))
        var fields: [CSVReader.Field] = []
        var lines: [String] = []
        while try reader.nextRecord(into: &fields) {
            lines.append(fields.map { cell(reader.string($0)) }.joined(separator: ";"))
        }
        return byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A number with a decimal point gets a decimal comma; a cell with `;`, a quote or a line
    /// break is quoted.
    static func cell(_ value: String) -> String {
        let text = isDecimal(value) ? value.replacingOccurrences(of: ".", with: ",") : value
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `-16.7`, `14.5`, `0.25`: digits, one point, digits, perhaps a minus in front.
    static func isDecimal(_ value: String) -> Bool {
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= "0" && $0 <= "9" } }
    }
}
