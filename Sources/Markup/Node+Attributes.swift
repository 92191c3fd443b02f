/// The HTML attributes the views use. Values are escaped when rendered (`Node+Render.swift`).
public extension Node {
    static func `class`(_ value: String) -> Node { .attribute(named: "class", value: value) }
    static func id(_ value: String) -> Node { .attribute(named: "id", value: value) }
    static func name(_ value: String) -> Node { .attribute(named: "name", value: value) }
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
    static func `for`(_ value: String) -> Node { .attribute(named: "for", value: value) }
    static func title(_ value: String) -> Node { .attribute(named: "title", value: value) }
    static func content(_ value: String) -> Node { .attribute(named: "content", value: value) }
    static func ariaLabel(_ value: String) -> Node { .attribute(named: "aria-label", value: value) }
    static func action(_ value: String) -> Node { .attribute(named: "action", value: safeURL(value)) }
    static func href(_ value: String) -> Node { .attribute(named: "href", value: safeURL(value)) }
    static func required(_ isRequired: Bool) -> Node { .flag("required", isRequired) }
    static func type(_ value: InputType) -> Node { .attribute(named: "type", value: value.rawValue) }
    static func method(_ value: FormMethod) -> Node { .attribute(named: "method", value: value.rawValue) }
    static func rel(_ value: String) -> Node { .attribute(named: "rel", value: value) }
    static func charset(_ value: String) -> Node { .attribute(named: "charset", value: value) }

    enum InputType: String, Sendable {
        case text, search, email, password, hidden, number, date, checkbox, radio, submit, button, reset, url, tel
    }

    enum FormMethod: String, Sendable {
        case get, post
    }

    /// A link target that cannot run script: a path or fragment of this site, or an http(s),
    /// mailto or tel URL. Anything else (`javascript:`, `data:`, ...) becomes `#`.
    static func safeURL(_ url: String) -> String {
        let trimmed = url.drop { $0.isWhitespace || $0.isASCII && $0.asciiValue! < 0x20 }
        guard let colon = trimmed.firstIndex(of: ":") else { return url }
        // A colon after the first `/`, `?` or `#` belongs to a path or query, not to a scheme.
        if let separator = trimmed.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), separator < colon { return url }
        let scheme = trimmed[..<colon].lowercased()
        return ["http", "https", "mailto", "tel"].contains(scheme) ? url : "#"
    }
}
