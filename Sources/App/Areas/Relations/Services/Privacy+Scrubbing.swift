import Foundation

extension Privacy {
    /// Finds a person's identifiers in free text, as people type them: the name in any case and
    /// with any spacing, the e-mail address in any case, and the phone number with or without
    /// spaces, dashes, dots or brackets and with `0`, `+31`, `0031` or `+31 (0)` in front.
    struct Scrubber: Sendable {
        private let patterns: [NSRegularExpression]

        init(name: String?, email: String?, phone: String?) {
            var sources: [String] = []
            let words = (name ?? "").split(whereSeparator: \.isWhitespace).map { NSRegularExpression.escapedPattern(for: String($0)) }
            if words.joined(separator: " ").count >= 3 { sources.append(words.joined(separator: "\\s+")) }
            if let email = email?.trimmingCharacters(in: .whitespaces), email.count >= 3 {
                sources.append(NSRegularExpression.escapedPattern(for: email))
            }
            if let phone, let pattern = Self.phonePattern(phone) { sources.append(pattern) }
            patterns = sources.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        }

        var isEmpty: Bool { patterns.isEmpty }

        /// The text with every identifier replaced by `Privacy.erased`.
        func scrub(_ text: String) -> String {
            patterns.reduce(text) { text, pattern in
                pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: Privacy.erased)
            }
        }

        /// The same for a JSON document (the audit trail's values): every string in it scrubbed.
        func scrubJSON(_ text: String) -> String {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return scrub(text) }
            func walk(_ value: Any) -> Any {
                switch value {
                case let string as String: scrub(string)
                case let dictionary as [String: Any]: dictionary.mapValues(walk)
                case let array as [Any]: array.map(walk)
                default: value
                }
            }
            guard let data = try? JSONSerialization.data(withJSONObject: walk(object), options: [.sortedKeys, .fragmentsAllowed]) else { return scrub(text) }
            return String(decoding: data, as: UTF8.self)
        }

        /// A Dutch number's digits after the trunk prefix, each allowed to be followed by a separator.
        static func phonePattern(_ phone: String) -> String? {
            var digits = phone.filter(\.isASCII).filter(\.isNumber)
            if phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") || digits.hasPrefix("00") {
                digits = String(digits.drop { $0 == "0" })
                guard digits.hasPrefix("31") else {
                    // A foreign number: its digits in any spacing.
                    return digits.count >= 6 ? "\\+?" + digits.map(String.init).joined(separator: "[\\s\\-.()/]*") : nil
                }
                digits = String(digits.dropFirst(2))
            }
            digits = String(digits.drop { $0 == "0" })
            guard digits.count >= 6 else { return nil }
            let prefix = "(?:(?:\\+|00)\\s*31[\\s\\-.]*(?:\\(0\\)[\\s\\-.]*)?|\\(?0)"
            return "(?<![0-9])" + prefix + digits.map(String.init).joined(separator: "[\\s\\-.()/]*") + "(?![0-9])"
        }
    }
}
