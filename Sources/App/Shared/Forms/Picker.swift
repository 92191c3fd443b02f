import Markup
import Vapor

/// Choosing organisations, people, account managers or topics from lists of hundreds.
///
/// A picker shows what is chosen (ticked boxes, or one radio button) and a search field. Without
/// JavaScript the search is a step of the form: the "Zoek" button (or saving with text in the
/// search field) sends the form back with what the user filled in so far, and the page shows the
/// matches to tick; nothing is saved until the user saves. With JavaScript (`Script.js`, allowed by
/// the CSP as a file from this site) the matches appear while typing, from the server's search
/// (`SiteURL.picker`), and a click adds one.
enum Picker {
    /// What a picker chooses from; the raw value names it in `SiteURL.picker` (`bron=`).
    enum Source: String, CaseIterable, Sendable {
        case organisations = "organisaties"
        case people = "personen"
        case users = "gebruikers"
        case topics = "onderwerpen"
    }

    /// One record to choose: its id as the form sends it, and its name as the user knows it.
    struct Option: Content, Sendable, Hashable {
        let id: String
        let label: String
    }

    /// A search the user asked for instead of saving: in which picker (its field name), for what.
    struct Search: Sendable, Equatable {
        let field: String
        let text: String
    }

    /// What one picker shows: the chosen options and, after a search step, what was found.
    struct Field: Sendable {
        var chosen: [Option] = []
        var search: String?
        var found: [Option]?
    }

    /// At most this many matches are shown for one search.
    static let matches = 20
    /// A search text longer than this is cut (nobody types more of a name).
    static let maximumSearchLength = 100
}

extension Request {
    /// The picker search this form post asks for, if any: the "Zoek" button of a picker
    /// (`zoeken=<field>`), or a save with text left in a picker's search field (`zoek_<field>`),
    /// which means the user had not chosen yet. `fields`: the form's pickers.
    func pickerSearch(among fields: [String]) -> Picker.Search? {
        guard method == .POST, !fields.isEmpty else { return nil }
        let text = { (field: String) in
            String(((try? self.content.get(String.self, at: "zoek_\(field)")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Picker.maximumSearchLength))
        }
        if let field = try? content.get(String.self, at: "zoeken"), fields.contains(field) {
            return Picker.Search(field: field, text: text(field))
        }
        return fields.first { !text($0).isEmpty }.map { Picker.Search(field: $0, text: text($0)) }
    }
}

extension Forms {
    /// A picker (see `Picker`): `name` is the form field (`name[]` when `multiple`).
    static func picker(
        _ label: String, _ name: String, source: Picker.Source, field: Picker.Field, multiple: Bool, required: Bool = false, problems: [FieldProblem]
    ) -> Node {
        let inputName = multiple ? "\(name)[]" : name
        let chosenIDs = Set(field.chosen.map(\.id))
        let option = { (option: Picker.Option, checked: Bool) -> Node in
            .li(.label(input([("type", multiple ? "checkbox" : "radio"), ("name", inputName), ("value", option.id), ("checked", checked ? "checked" : nil)]),
                       .text(" " + option.label)))
        }
        let noneChoice: Node = multiple || required ? .empty : .li(.label(
            input([("type", "radio"), ("name", inputName), ("value", ""), ("checked", field.chosen.isEmpty ? "checked" : nil)]),
            .text(localized(" (geen)", " (none)"))))
        let found = (field.found ?? []).filter { !chosenIDs.contains($0.id) }
        return .fieldset(
            .class("field picker"), .id(name), .attribute(named: "name", value: name),
            .attribute(named: "data-picker", value: SiteURL.picker.with([("bron", source.rawValue)])),
            .attribute(named: "data-name", value: inputName), .attribute(named: "data-multiple", value: multiple ? "true" : "false"),
            .element(named: "legend", nodes: [.text(label + (required ? " *" : ""))]),
            .ul(.class("picked"), .ariaLabel(localized("Gekozen", "Chosen")), noneChoice, .forEach(field.chosen) { option($0, true) }),
            .div(.class("picker-search"),
                 .label(.for("zoek_\(name)"), .text(localized("Zoek en voeg toe", "Search and add"))),
                 input([("type", "search"), ("id", "zoek_\(name)"), ("name", "zoek_\(name)"), ("value", ""), ("autocomplete", "off"),
                        ("aria-controls", "\(name)-gevonden")]),
                 .button(.type(.submit), .class("plain"), .name("zoeken"), .value(name), .flag("formnovalidate"), .text(localized("Zoek", "Search")))),
            // After a search step the field is empty again (text left in it would be searched
            // again on saving); what was searched for is named above the matches.
            .unwrap(field.search) { text in .p(.class("hint"), .text(
                field.found?.isEmpty != false ? localized("Niets gevonden voor '\(text)'.", "Nothing found for '\(text)'.")
                    : found.isEmpty ? localized("Alles wat bij '\(text)' past is al gekozen.", "Everything matching '\(text)' is chosen already.")
                    : multiple ? localized("Gevonden voor '\(text)': vink aan wat u wilt toevoegen en sla op, of zoek opnieuw.",
                                           "Found for '\(text)': tick what you want to add and save, or search again.")
                    : localized("Gevonden voor '\(text)': kies er een en sla op, of zoek opnieuw.", "Found for '\(text)': choose one and save, or search again."))) },
            .ul(.class("found"), .id("\(name)-gevonden"), .attribute(named: "aria-live", value: "polite"), .forEach(found) { option($0, false) }),
            errorNode(name, problems))
    }
}
