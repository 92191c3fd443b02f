/// How every CSV export writes a text cell, so that no export can forget it.
public enum CSVCell {
    /// A text cell: neutralised against formula injection and quoted where RFC 4180 needs it.
    /// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
    /// formula by a spreadsheet; it gets a `'` in front (OWASP, "CSV Injection"). A plain number
    /// such as `-56` or `+1,5` is left alone: it cannot be a formula.
    public static func text(_ value: String) -> String {
        let safe = needsNeutralising(value) ? "'" + value : value
        guard safe.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func needsNeutralising(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return false }
        return !isPlainNumber(value)
    }

    private static func isPlainNumber(_ value: String) -> Bool {
        let body = value.dropFirst()
        return !body.isEmpty && body.first!.isASCII && body.first!.isNumber
            && body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," } && body.filter { $0 == "." || $0 == "," }.count <= 1
    }
}
