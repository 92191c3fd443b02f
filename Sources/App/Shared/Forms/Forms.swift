import Markup

/// Form controls Plot does not build the way HTML wants them.
enum Forms {
    /// A `<select>` with one option selected.
    static func select(id: String, name: String, options: [(value: String, label: String)], selected: String?) -> Node {
        .element(named: "select", nodes: [.id(id), .name(name)] + options.map { option in
            .option(.value(option.value), .flag("selected", option.value == selected), .text(option.label))
        })
    }
}

extension Forms {
    /// Which years a monitor page lets the reader pick.
    enum YearPicker {
        /// `van` and `tot`.
        case period
        /// Only `tot`, labelled, from these years.
        case end(label: String, years: [Int])
    }

    /// The picker form of a monitor page: the area (unless `area` is false), the years and any
    /// extra controls, sent with GET so the URL holds the whole selection.
    static func selection(
        _ url: SiteURL, _ selection: MonitorSelection, years picker: YearPicker, area: Bool = true, extra: [Node] = [], action: String? = nil
    ) -> Node {
        let choices = selection.choices.map { choice in
            (choice.value, choice.municipalities.map { localized("\(choice.name) (\($0) gemeenten)", "\(choice.name) (\($0) municipalities)") } ?? choice.name)
        }
        let options = { (years: [Int]) in years.map { (String($0), String($0)) } }
        let years: Node = switch picker {
        case .period: .group(
            .label(.for("van"), .text(localized(" van ", " from "))), select(id: "van", name: "van", options: options(selection.years), selected: String(selection.from)),
            .label(.for("tot"), .text(localized(" tot ", " to "))), select(id: "tot", name: "tot", options: options(selection.years), selected: String(selection.to)))
        case let .end(label, years): .group(
            .label(.for("tot"), .text(" \(label) ")), select(id: "tot", name: "tot", options: options(years), selected: String(selection.to)))
        }
        return .form(
            .class("inline selector"), .method(.get), .action(action ?? url.path),
            .if(area, .group(.label(.for("gebied"), .text(localized("Gebied ", "Area "))), select(id: "gebied", name: "gebied", options: choices, selected: selection.area))),
            years,
            .group(extra),
            .button(.type(.submit), .text(localized("Toon", "Show")))
        )
    }
}
