import Foundation

/// The oracle files of ../shared/oracles, copied into the test resources with their `source`.
enum Oracle {
    static func load(_ name: String) -> [String: Any] {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "oracles")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// A JSON array of numbers, with `null` (undefined in the reference) as nil.
    static func numbers(_ value: Any?) -> [Double?] {
        (value as! [Any]).map { ($0 as? NSNumber)?.doubleValue }
    }

    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    /// METHODS.md "Tolerances": 1e-9 absolute for REAT and shift-share values.
    static func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) <= tolerance
        default: false
        }
    }

    static func close(_ a: [Double?], _ b: [Double?], tolerance: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance: tolerance) }
    }
}
