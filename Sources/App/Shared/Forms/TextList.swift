/// A list of short texts given as a JSON array, or as one text separated by commas, semicolons
/// or line breaks (a form field or a CSV column).
struct TextList: Codable, Sendable, Equatable, ExpressibleByArrayLiteral {
    var items: [String]

    init(_ items: [String]) { self.items = items }
    init(arrayLiteral elements: String...) { items = elements }

    init(text: String) {
        items = Self.split(text)
    }

    private static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { [",", ";", "\n", "\r"].contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            // A form field decodes as a list of one text: split that too.
            items = list.flatMap(Self.split)
        } else {
            items = Self.split(try container.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(items)
    }
}
