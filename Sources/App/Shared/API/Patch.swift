import Foundation

/// A partial update (PATCH): the fields the patch gives replace those of the stored input; the
/// fields it leaves out, or gives as null, keep theirs. One rule for every resource, worked on
/// the inputs' JSON so that a new field of an input needs nothing here.
enum Patch {
    static func merge<Input: Codable>(_ input: Input, with patch: Input) throws -> Input {
        let encoder = JSONEncoder()
        guard var merged = try JSONSerialization.jsonObject(with: encoder.encode(input)) as? [String: Any],
              let changes = try JSONSerialization.jsonObject(with: encoder.encode(patch)) as? [String: Any] else { return patch }
        merged.merge(changes.filter { !($0.value is NSNull) }) { _, new in new }
        return try JSONDecoder().decode(Input.self, from: JSONSerialization.data(withJSONObject: merged))
    }
}
