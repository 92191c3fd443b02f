/// A piece of an HTML (or inline SVG) document: an element, an attribute of the element it is in,
/// text, or a group of nodes. Views build pages from nodes; `render()` writes them out.
///
/// This is the one place where values become markup: `render()` escapes every text and every
/// attribute value (`&`, `<`, `>`, `"`, `'`), and there is no way to put unescaped text into a
/// node from outside this module. Plot, which Vliegwiel used before, writes attribute values as
/// they are, so a `"` in a name could break out of `value="..."`; see the README's security section.
public struct Node: Sendable {
    enum Content: Sendable {
        case element(name: String, children: [Node], isVoid: Bool)
        case attribute(name: String, value: String?)
        case text(String)
        case group([Node])
        /// Markup that `render` wrote earlier (see `Fragment`): written as it is.
        case rendered(Fragment)
    }

    let content: Content

    init(_ content: Content) {
        self.content = content
    }
}

public extension Node {
    static var empty: Node { Node(.group([])) }

    /// Text, escaped when rendered.
    static func text(_ text: String) -> Node { Node(.text(text)) }

    static func group(_ nodes: [Node]) -> Node { Node(.group(nodes)) }
    static func group(_ nodes: Node...) -> Node { Node(.group(nodes)) }

    /// An element with attributes and children, e.g. `.element(named: "legend", nodes: [.text("Wie")])`.
    static func element(named name: String, nodes: [Node]) -> Node {
        Node(.element(name: checkedName(name), children: nodes, isVoid: false))
    }

    static func element(named name: String, _ nodes: Node...) -> Node {
        element(named: name, nodes: nodes)
    }

    /// An element without content or end tag (`<input>`, `<meta>`, `<link>`, SVG shapes).
    static func selfClosedElement(named name: String, attributes: [Node]) -> Node {
        Node(.element(name: checkedName(name), children: attributes, isVoid: true))
    }

    /// An attribute of the element this node is placed in; `nil` leaves it out. An empty value is
    /// written as `name=""` (use `nil` to leave an attribute out).
    static func attribute(named name: String, value: String?) -> Node {
        Node(.attribute(name: checkedName(name), value: value))
    }

    /// A boolean attribute (`required`, `checked`, `selected`), present when `isOn`.
    static func flag(_ name: String, _ isOn: Bool = true) -> Node {
        isOn ? Node(.attribute(name: checkedName(name), value: name)) : .empty
    }
}

// Control flow, so that a view reads top to bottom.
public extension Node {
    static func `if`(_ condition: Bool, _ node: @autoclosure () -> Node, else otherwise: @autoclosure () -> Node = .empty) -> Node {
        condition ? node() : otherwise()
    }

    static func unwrap<T>(_ value: T?, _ transform: (T) -> Node, else otherwise: Node = .empty) -> Node {
        value.map(transform) ?? otherwise
    }

    static func forEach<S: Sequence>(_ items: S, _ transform: (S.Element) -> Node) -> Node {
        .group(items.map(transform))
    }
}

extension Node: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// A string literal in a view is text, escaped like any other.
    public init(stringLiteral value: String) {
        self.init(.text(value))
    }
}

/// Element and attribute names come from the views' code, never from data; a name that could
/// end the tag is a programming error, caught the first time the page is built.
private func checkedName(_ name: String) -> String {
    // ASCII letters, digits, `-`, `:` and `_`, checked byte by byte (every element of every page).
    precondition(!name.isEmpty && name.utf8.allSatisfy { byte in
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || byte == 0x5F
    }, "not an HTML name: \(name)")
    return name
}
