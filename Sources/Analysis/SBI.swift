/// The structure of SBI 2008 (CBS) above the division: which section each division belongs to.
/// SBI follows NACE Rev.2 here, so the ranges are those of the NACE sections.
public enum SBI {
    /// The 21 sections A-U in order.
    public static let sections: [String] = (UInt8(ascii: "A")...UInt8(ascii: "U")).map { String(UnicodeScalar($0)) }

    private static let sectionStarts: [(firstDivision: Int, section: String)] = [
        (1, "A"), (5, "B"), (10, "C"), (35, "D"), (36, "E"), (41, "F"), (45, "G"), (49, "H"),
        (55, "I"), (58, "J"), (64, "K"), (68, "L"), (69, "M"), (77, "N"), (84, "O"), (85, "P"),
        (86, "Q"), (90, "R"), (94, "S"), (97, "T"), (99, "U"),
    ]

    /// The section letter of a division number (1...99), or nil outside SBI's range.
    public static func section(ofDivision division: Int) -> String? {
        guard (1...99).contains(division) else { return nil }
        return sectionStarts.last { $0.firstDivision <= division }?.section
    }

    /// The section of a dotted or undotted SBI code such as `62.01`, `6201` or `4791.1`.
    public static func section(of code: String) -> String? {
        division(of: code).flatMap(section(ofDivision:))
    }

    /// The two-digit division of a code, as a number.
    public static func division(of code: String) -> Int? {
        let digits = code.utf8.lazy.filter { $0 != UInt8(ascii: ".") }.prefix(2)
        guard digits.count == 2 else { return nil }
        return Int(String(decoding: Array(digits), as: UTF8.self))
    }

    /// The code with its dots removed: `62.01` becomes `6201`.
    public static func digits(of code: String) -> String {
        guard code.utf8.contains(UInt8(ascii: ".")) else { return code }
        return String(decoding: code.utf8.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
    }

    /// The code as CBS writes it, from its digits: `4791` becomes `47.91`, `47911` `47.91.1`,
    /// `62` stays `62`; a section letter stays as it is.
    public static func dotted(_ code: String) -> String {
        let digits = Array(digits(of: code))
        guard digits.count > 2, digits.allSatisfy(\.isNumber) else { return code }
        var text = String(digits[0..<2]) + "." + String(digits[2..<min(4, digits.count)])
        if digits.count > 4 { text += "." + String(digits[4...]) }
        return text
    }

    /// Whether `code` falls under `prefix`, both written with or without dots
    /// (`62.01` is under `62`, `47.91.1` and `4791.1` are under `47.91`).
    public static func code(_ code: String, isUnder prefix: String) -> Bool {
        digits(of: code).hasPrefix(digits(of: prefix))
    }
}
