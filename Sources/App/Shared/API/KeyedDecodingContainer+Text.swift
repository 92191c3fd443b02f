import Foundation

extension KeyedDecodingContainer {
    /// A field as text whether the form sent text or the API a number or a boolean, so that one
    /// input type and one validation serve both (`12.5` and `"12,5"` alike).
    func text(_ key: Key) throws -> String? {
        if let number = try? decodeIfPresent(Double.self, forKey: key) { return Format.plain(number) }
        if let flag = try? decodeIfPresent(Bool.self, forKey: key) { return String(flag) }
        return try decodeIfPresent(String.self, forKey: key)
    }
}
