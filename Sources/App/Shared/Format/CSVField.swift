import Foundation

/// How the CSV downloads write values: a point for decimals, nothing for unknown.
enum CSVField {
    static func decimal(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? ""
    }

    static func integer(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }
}
