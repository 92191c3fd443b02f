public extension Node {
    /// What each form control in this tree is called, by the id (or, for a fieldset of options,
    /// the field name) it is known by: the text of `<label for=…>`, and of the `<legend>` of a
    /// `<fieldset name=…>`. An error summary names fields with these, as the form shows them.
    var fieldLabels: [String: String] {
        var labels: [String: String] = [:]
        collectLabels(into: &labels, context: nil)
        return labels
    }

    /// `context`: the legend of the fieldset the controls are in, which names them too
    /// ("Vervolgactie: Uiterlijk op").
    fileprivate func collectLabels(into labels: inout [String: String], context: String?) {
        switch content {
        case .group(let nodes):
            for node in nodes { node.collectLabels(into: &labels, context: context) }
        case .element(let name, let children, _):
            if name == "label", let target = children.attributeValue("for") {
                let text = Self.withoutMark(children.plainText)
                labels[target] = context.map { "\($0): \(text)" } ?? text
            }
            var inner = context
            if name == "fieldset", let legend = children.first(where: { if case .element("legend", _, _) = $0.content { true } else { false } }) {
                let text = Self.withoutMark(legend.plainText)
                if let field = children.attributeValue("name") { labels[field] = text } else { inner = text }
            }
            for child in children { child.collectLabels(into: &labels, context: inner) }
        case .attribute, .text, .rendered:
            break
        }
    }

    /// A label without the " *" of a required field and the spaces around it.
    fileprivate static func withoutMark(_ text: String) -> String {
        var label = Substring(text)
        while let last = label.last, last == " " || last == "*" { label = label.dropLast() }
        return String(label.drop { $0 == " " })
    }

    /// The text inside this node, without markup.
    fileprivate var plainText: String {
        switch content {
        case .text(let text): text
        case .group(let nodes), .element(_, let nodes, _): nodes.plainText
        case .attribute, .rendered: ""
        }
    }
}

private extension [Node] {
    var plainText: String { map(\.plainText).joined() }

    func attributeValue(_ name: String) -> String? {
        for node in self {
            switch node.content {
            case .attribute(name, let value): return value
            case .group(let nodes): if let value = nodes.attributeValue(name) { return value }
            default: continue
            }
        }
        return nil
    }
}
