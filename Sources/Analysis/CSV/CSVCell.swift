/// How every CSV export writes a text cell, so that no export can forget it.
public enum CSVCell {
    /// A text cell: neutralised against formula injection and quoted where RFC 4180 needs it.
    /// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
    /// formula by a spreadsheet; it gets a `'` in front (OWASP, "CSV Injection"). Only a plain
    /// signed number such as `-56` or `+1,5` is left alone: it cannot be a formula.
    public static func text(_ value: String) -> String {
        let safe = needsNeutralising(value) ? "'" + value : value
        guard safe.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func needsNeutralising(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return !((first == "-" || first == "+") && isPlainNumber(scalars.dropFirst()))
    }

    /// Digits with at most one decimal separator, starting with a digit; nothing else.
    private static func isPlainNumber(_ scalars: Substring.UnicodeScalarView) -> Bool {
        let isDigit = { (scalar: Unicode.Scalar) in scalar >= "0" && scalar <= "9" }
        guard let first = scalars.first, isDigit(first) else { return false }
        return scalars.allSatisfy { isDigit($0) || $0 == "." || $0 == "," } && scalars.filter { $0 == "." || $0 == "," }.count <= 1
    }
}
