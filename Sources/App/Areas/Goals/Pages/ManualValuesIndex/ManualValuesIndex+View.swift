import Foundation
import Markup

extension ManualValuesIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Handmatige indicatoren", "Manual indicators")
            let (input, problems) = (model.input, model.problems)
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: .manualValues, viewer: viewer), main: .group(
                .p(.class("breadcrumb"), .a(.href(SiteURL.goals.path), .text(localized("Doelen", "Goals")))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Wat geen gegevens in Vliegwiel meten (een enquête, een telling van een partner): waarden met datum en bron. Een doel gebruikt ze met de indicator manual en series=<reeks>.",
                    "What no data in Vliegwiel measures (a survey, a partner's count): values with a date and a source. A goal uses them with the indicator manual and series=<series>."))),
                .unwrap(model.series) { series in .p(.text(localized("Reeks ", "Series ") + series + " · "), .a(.href(SiteURL.manualValues.path), .text(localized("alle reeksen", "all series")))) },
                model.rows.isEmpty ? .p(.text(localized("Nog geen waarden.", "No values yet."))) : .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Reeks", "Series"))), .th(.text(localized("Naam", "Name"))), .th(.text(localized("Datum", "Date"))),
                               .th(.class("number"), .text(localized("Waarde", "Value"))), .th(.text(localized("Bron", "Source"))),
                               .if(model.mayEdit, .th(.span(.class("visually-hidden"), .text(localized("Acties", "Actions"))))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.manualValues.with([("reeks", row.series)])), .text(row.series))), .td(.text(row.name)),
                            .td(.text(CalendarDay(row.date).map(Format.date) ?? row.date)),
                            .td(.class("number"), .text(Format.figure(row.value, digits: 2) + (row.unit.isEmpty ? "" : " " + row.unit))), .td(.text(row.source)),
                            .if(model.mayEdit, .td(Forms.post(SiteURL.deleteManualValue.path(row.id), csrf: viewer.csrfToken, class: "inline",
                                                              .button(.type(.submit), .class("secondary"), .text(localized("verwijderen", "delete")))))))
                    })),
                .if(model.mayEdit, .group(
                    .h2(.text(localized("Waarde toevoegen", "Add a value"))),
                    Forms.post(SiteURL.manualValues.path, csrf: viewer.csrfToken, problems: problems,
                        Forms.text(localized("Reeks (sleutel)", "Series (key)"), "series", value: input.series, problems: problems, required: true,
                                   hint: localized("kleine letters, cijfers en streepjes, bijv. tevredenheid-ondernemers", "lower-case letters, digits and hyphens, e.g. business-satisfaction")),
                        Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                        Forms.text(localized("Eenheid", "Unit"), "unit", value: input.unit, problems: problems),
                        Forms.text(localized("Datum", "Date"), "date", value: input.date, problems: problems, type: "date", required: true),
                        Forms.text(localized("Waarde", "Value"), "value", value: input.value, problems: problems, required: true),
                        Forms.text(localized("Bron", "Source"), "source", value: input.source, problems: problems, required: true),
                        .button(.type(.submit), .text(localized("Toevoegen", "Add"))))))
            ))
        }
    }
}
