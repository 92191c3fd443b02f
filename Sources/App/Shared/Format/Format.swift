import Foundation

/// Numbers and percentages as the reader's language writes them: 100.290 and 14,5% in Dutch,
/// 100,290 and 14.5% in English (see `Language`).
/// Written out by hand so the output never depends on the server's locale.
enum Format {
    private static var separators: (grouping: Character, decimal: Character) {
        Language.current == .english ? (",", ".") : (".", ",")
    }

    /// A moment as `14-07-2025 14:00:00`, in the municipality's own time (summer and winter).
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "dd-MM-yyyy HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A day as the reader writes it: 31-12-2025 in Dutch, 2025-12-31 in English.
    static func date(_ day: CalendarDay) -> String {
        Language.current == .english ? day.text : day.dutch
    }

    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let grouping = separators.grouping
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(grouping) }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A decimal with a fixed number of digits after the decimal sign: 777,4 (Dutch).
    static func decimal(_ value: Double, digits: Int = 1) -> String {
        let scale = Double((0..<digits).reduce(1) { result, _ in result * 10 })
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.magnitude)
        let fraction = Int(((rounded.magnitude - Double(whole)) * scale).rounded())
        let sign = rounded < 0 ? "-" : ""
        guard digits > 0 else { return sign + integer(whole) }
        let fractionText = String(fraction)
        return sign + integer(whole) + String(separators.decimal) + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// A number as a form or the API takes it back: `20`, `12.5` (a dot, no grouping).
    static func plain(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        // Never an exponent (1e-05): the form's number field reads digits and one point.
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// A figure with as many decimals as it has (up to `digits`): 20, 12,5.
    static func figure(_ value: Double, digits: Int = 1) -> String {
        decimal(value, digits: value == value.rounded() ? 0 : digits)
    }

    /// An amount in whole euros: € 1.250.000.
    static func euros(_ value: Double) -> String {
        "€\u{00A0}" + decimal(value, digits: 0)
    }

    /// A signed change: +1.234 or -56.
    static func signed(_ value: Int) -> String {
        (value > 0 ? "+" : "") + integer(value)
    }

    /// A percentage from a fraction: 0.163 becomes 16,3%.
    static func percent(_ fraction: Double, digits: Int = 1) -> String {
        decimal(fraction * 100, digits: digits) + "%"
    }

    /// A signed percentage from a fraction: 0.145 becomes +14,5%.
    /// "+1,5" or "-2,3": a decimal with its sign.
    static func signedDecimal(_ value: Double, digits: Int = 2) -> String {
        (value > 0 ? "+" : "") + decimal(value, digits: digits)
    }

    static func signedPercent(_ fraction: Double, digits: Int = 1) -> String {
        let text = decimal(fraction * 100, digits: digits)
        return (fraction > 0 && text != decimal(0, digits: digits) ? "+" : "") + text + "%"
    }
}
