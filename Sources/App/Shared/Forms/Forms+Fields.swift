import Markup

/// Labelled form fields that show what was wrong with them (from `InvalidFields`), linked to the
/// field for screen readers.
extension Forms {
    static func errorNode(_ name: String, _ problems: [FieldProblem]) -> Node {
        let reasons = problems.filter { $0.field == name }.map(\.reason)
        return reasons.isEmpty ? .empty : .p(.class("field-error"), .id("\(name)-fout"), .text(reasons.joined(separator: "; ")))
    }

    /// An `<input>` with exactly these attributes (a `nil` value leaves the attribute out).
    static func input(_ attributes: [(String, String?)]) -> Node {
        .selfClosedElement(named: "input", attributes: attributes.map { name, value in .attribute(named: name, value: value) })
    }

    private static func described(_ name: String, _ problems: [FieldProblem]) -> [(String, String?)] {
        problems.contains { $0.field == name } ? [("aria-describedby", "\(name)-fout"), ("aria-invalid", "true")] : []
    }

    static func text(
        _ label: String, _ name: String, value: String?, problems: [FieldProblem], type: String = "text", required: Bool = false, hint: String? = nil
    ) -> Node {
        .div(.class("field"),
             .label(.for(name), .text(label + (required ? " *" : ""))),
             .unwrap(hint) { .span(.class("hint"), .text($0)) },
             input([("type", type), ("id", name), ("name", name), ("value", value ?? ""), ("required", required ? "required" : nil)] + described(name, problems)),
             errorNode(name, problems))
    }

    static func textArea(_ label: String, _ name: String, value: String?, problems: [FieldProblem], hint: String? = nil) -> Node {
        .div(.class("field"),
             .label(.for(name), .text(label)),
             .unwrap(hint) { .span(.class("hint"), .text($0)) },
             .textarea(.id(name), .name(name), .attribute(named: "rows", value: "4"), .text(value ?? "")),
             errorNode(name, problems))
    }

    static func choice(
        _ label: String, _ name: String, options: [(value: String, label: String)], selected: String?, problems: [FieldProblem], required: Bool = false
    ) -> Node {
        .div(.class("field"),
             .label(.for(name), .text(label + (required ? " *" : ""))),
             select(id: name, name: name, options: (required ? [] : [("", "–")]) + options, selected: selected ?? ""),
             errorNode(name, problems))
    }

    /// Several values from a list, as checkboxes (sent as `name[]`).
    static func checkboxes(
        _ legend: String, _ name: String, options: [(value: String, label: String)], selected: Set<String>, problems: [FieldProblem]
    ) -> Node {
        .fieldset(.class("field checkboxes"), .id(name), .attribute(named: "name", value: name),
                  .element(named: "legend", nodes: [.text(legend)]),
                  .forEach(Array(options.enumerated())) { index, option in
                      .label(input([("type", "checkbox"), ("id", "\(name)-\(index)"), ("name", "\(name)[]"), ("value", option.value),
                                     ("checked", selected.contains(option.value) ? "checked" : nil)]),
                             .text(" " + option.label))
                  },
                  errorNode(name, problems))
    }

    /// The summary above a form that was refused: how many fields, with links to them.
    /// What was wrong with a sent form, each field named as the form labels it (`form`: the
    /// form's controls) and linked to it.
    static func problemSummary(_ problems: [FieldProblem], for form: Node) -> Node {
        let labels = form.fieldLabels
        return problems.isEmpty ? .empty : .div(
            .class("notice error-summary"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(localized("Dit is niet opgeslagen.", "This has not been saved.")))),
            .ul(.forEach(problems) { problem in
                .li(.a(.href("#\(problem.field)"), .text("\(labels[problem.field] ?? problem.field.replacingOccurrences(of: "_", with: " ")): \(problem.reason)")))
            }))
    }

    /// A POST form with the session's CSRF token.
    /// With `problems` (a refused form shown again), the summary of what was wrong comes first.
    /// `defaultButton`: a form with pickers starts with an unseen save button, so that Enter in a
    /// text field saves rather than pressing the first picker's search button.
    static func post(
        _ action: String, csrf: String, class className: String = "stacked", problems: [FieldProblem] = [], defaultButton: Bool = false, _ content: Node...
    ) -> Node {
        let save: Node = .button(.type(.submit), .class("visually-hidden"), .attribute(named: "tabindex", value: "-1"),
                                 .attribute(named: "aria-hidden", value: "true"), .text(localized("Opslaan", "Save")))
        let form: Node = .form(.class(className), .method(.post), .action(action), .input(.type(.hidden), .name("csrf"), .value(csrf)),
                               .if(defaultButton, save), .group(content))
        return problems.isEmpty ? form : .group(problemSummary(problems, for: form), form)
    }
}

extension Forms {
    /// A `<select multiple>` (sent as `name[]`), for picking several from a long list.
    static func multiSelect(
        _ label: String, _ name: String, options: [(value: String, label: String)], selected: Set<String>, problems: [FieldProblem], size: Int = 8
    ) -> Node {
        .div(.class("field"),
             .label(.for(name), .text(label)),
             .element(named: "select", nodes: [.id(name), .name("\(name)[]"), .flag("multiple"), .attribute(named: "size", value: String(size))]
                 + options.map { option in .option(.value(option.value), .flag("selected", selected.contains(option.value)), .text(option.label)) }),
             errorNode(name, problems))
    }
}
