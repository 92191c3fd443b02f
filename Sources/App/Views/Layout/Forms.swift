import Plot

/// Form controls Plot does not build the way HTML wants them.
enum Forms {
    /// A `<select>` whose options carry their label as text (Plot writes self-closed options).
    static func select<Context>(id: String, name: String, options: [(value: String, label: String)], selected: String?) -> Node<Context> {
        .element(named: "select", nodes: [
            Node<Context>.attribute(named: "id", value: id),
            .attribute(named: "name", value: name),
        ] + options.map { option in
            .element(named: "option", nodes: [
                Node<Context>.attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
                option.value == selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(option.label),
            ])
        })
    }
}
