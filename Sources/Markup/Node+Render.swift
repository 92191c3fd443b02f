public extension Node {
    /// The markup: every text and attribute value escaped. A later attribute of the same name
    /// replaces an earlier one, so a helper's default can be overridden by the caller.
    func render() -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(to: &output)
        return output
    }

    /// The rendered markup as a value to keep (a cache of a page's part that is the same for
    /// every viewer) and to put back into a page with `.fragment(_:)`.
    func fragment() -> Fragment {
        Fragment(html: render())
    }

    /// A part rendered earlier, written as it was rendered.
    static func fragment(_ fragment: Fragment) -> Node {
        Node(.rendered(fragment))
    }

    /// A whole page: the doctype and the `<html>` element.
    static func document(language: String, head: Node, body: Node) -> String {
        "<!DOCTYPE html>" + Node.element(named: "html", .attribute(named: "lang", value: language), head, body).render()
    }
}

extension Node {
    private func write(to output: inout String) {
        switch content {
        case let .text(text):
            Escaping.write(text, to: &output, quotes: false)
        case let .group(nodes):
            for node in nodes { node.write(to: &output) }
        case let .rendered(fragment):
            output += fragment.html
        case .attribute:
            // An attribute outside an element has nowhere to go (as in Plot, it is dropped).
            break
        case let .element(name, children, isVoid):
            var attributes: [(name: String, value: String)] = []
            var body: [Node] = []
            collect(children, attributes: &attributes, body: &body)
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name + "=\""
                Escaping.write(attribute.value, to: &output)
                output += "\""
            }
            output += ">"
            guard !isVoid else { return }
            for node in body { node.write(to: &output) }
            output += "</" + name + ">"
        }
    }

    /// Splits an element's children into its attributes (groups flattened) and its content.
    private func collect(_ children: [Node], attributes: inout [(name: String, value: String)], body: inout [Node]) {
        for child in children {
            switch child.content {
            case let .attribute(name, value):
                if let index = attributes.firstIndex(where: { $0.name == name }) { attributes.remove(at: index) }
                if let value { attributes.append((name, value)) }
            case let .group(nodes):
                collect(nodes, attributes: &attributes, body: &body)
            case .element, .text, .rendered:
                body.append(child)
            }
        }
    }
}

/// Markup written by `render()`, kept to be written again. Only this module can make one (its
/// initialiser is internal), so a fragment holds nothing that did not pass the escaping renderer:
/// it is a cache of rendered nodes, not a way to put raw HTML into a page.
public struct Fragment: Sendable, Equatable {
    let html: String

    /// Its size in bytes, for a cache's accounting.
    public var byteCount: Int { html.utf8.count }

    /// Whether the HTML holds `text` (a secret that must not be kept in a shared fragment).
    public func contains(_ text: String) -> Bool { html.contains(text) }
}

/// HTML escaping: `&`, `<` and `>` everywhere, and in attribute values also both quotes, so that
/// a value can neither open a tag nor leave its attribute.
enum Escaping {
    static func write(_ text: String, to output: inout String, quotes: Bool = true) {
        // Fast path: most values have nothing to escape.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }) else {
            output += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
    }
}

public extension String {
    /// The string escaped for an HTML attribute value (and so for text too).
    var htmlEscaped: String {
        var output = ""
        Escaping.write(self, to: &output)
        return output
    }
}
