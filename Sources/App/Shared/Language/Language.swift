/// The language pages are written in: Dutch unless the reader switched to English.
///
/// The language of the request being answered is a task-local value, set once by
/// `LanguageMiddleware`, so views and error messages pick their words without every function
/// passing it along.
enum Language: String, Sendable, CaseIterable {
    case dutch = "nl"
    case english = "en"

    @TaskLocal static var current: Language = .dutch
    /// The address the request asked for, as it came (path and query).
    @TaskLocal static var requestTarget: String = ""

    /// The address of the page being answered in the other language (for the switch in the
    /// header): the request's own, its `taal` replaced. Made only when a page shows it.
    static var otherLanguageLink: String {
        let parts = requestTarget.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let kept = parts.count > 1 ? parts[1].split(separator: "&").filter { $0.prefix { $0 != "=" } != LanguageMiddleware.parameter } : []
        return String(parts.first ?? "") + "?" + (kept + ["\(LanguageMiddleware.parameter)=\(current.other.rawValue)"]).joined(separator: "&")
    }

    var other: Language { self == .dutch ? .english : .dutch }

    /// The name of the language in itself, for the switch.
    var name: String {
        switch self {
        case .dutch: "Nederlands"
        case .english: "English"
        }
    }
}

/// The Dutch or the English text, as the current page's language asks.
func localized(_ dutch: String, _ english: String) -> String {
    Language.current == .english ? english : dutch
}

/// A text that exists in both languages, such as an SBI description; kept in cached models so
/// one computed view serves readers of either language.
struct Bilingual: Sendable, Hashable {
    let dutch: String
    let english: String

    var text: String { localized(dutch, english) }
}
