import Markup

/// SVG elements for the charts, built as `Node`s so that labels and links are escaped like every
/// other value on a page.
enum SVG {
    typealias Attributes = KeyValuePairs<String, any CustomStringConvertible>

    static func element(_ name: String, _ attributes: Attributes, _ children: Node...) -> Node {
        .element(named: name, nodes: attributes.map { .attribute(named: $0.key, value: $0.value.description) } + children)
    }

    /// A `<text>` element.
    static func text(_ text: String, x: Double, y: Double, class className: String, anchor: String? = nil) -> Node {
        .element(named: "text", nodes: [
            .attribute(named: "x", value: x.description), .attribute(named: "y", value: y.description),
            .class(className), .attribute(named: "text-anchor", value: anchor), .text(text),
        ])
    }

    /// A link around a shape, when there is somewhere to go.
    static func linked(_ shape: Node, to link: String?) -> Node {
        link.map { .element(named: "a", nodes: [.href($0), shape]) } ?? shape
    }

    /// The chart's `<svg>` with its accessible title and description, and the title drawn on top.
    static func chart(class className: String, width: Double, height: Double, id: String, title: String, description: String,
                      titleY: Double, _ content: [Node]) -> Node {
        .element(named: "svg", nodes: [
            .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
            // A wide chart keeps a minimum width on a phone (and scrolls in its block), so that its text stays readable.
            .class(width > 400 ? className + " wide" : className),
            .attribute(named: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"), .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "\(id)-title \(id)-desc"),
            .element(named: "title", .id("\(id)-title"), .text(title)),
            .element(named: "desc", .id("\(id)-desc"), .text(description)),
            text(title, x: 0, y: titleY, class: "chart-title"),
        ] + content)
    }
}
