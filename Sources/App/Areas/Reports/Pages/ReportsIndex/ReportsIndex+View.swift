import Foundation
import Markup

extension ReportsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Rapportage", "Reports")
            let choices = model.areas.map { (value: $0.value, label: $0.name) }
            let languages = [(value: "nl", label: "Nederlands"), (value: "en", label: "English")]
            // The form that makes a report is a GET form (its answer is a file), named as the
            // monitor's query parameters; the one that freezes a report posts `date`, `area`, `language`.
            let make = model.freezing ? [] : model.problems, freeze = model.freezing ? model.problems : []
            let makeFields: Node = .group(
                Forms.text(localized("Peildatum", "Reporting date"), "datum", value: model.date, problems: make, type: "date", required: true),
                Forms.choice(localized("Gebied van de economie", "Area of the economy"), "gebied", options: choices, selected: model.area, problems: make, required: true),
                Forms.choice(localized("Taal van het rapport", "Language of the report"), "rapporttaal", options: languages, selected: model.language, problems: make, required: true))
            let freezeFields: Node = .group(
                Forms.text(localized("Peildatum", "Reporting date"), "date", value: model.date, problems: freeze, type: "date", required: true),
                Forms.choice(localized("Gebied van de economie", "Area of the economy"), "area", options: choices, selected: model.area, problems: freeze, required: true),
                Forms.choice(localized("Taal van het rapport", "Language of the report"), "language", options: languages, selected: model.language, problems: freeze, required: true))
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .reports, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Het voortgangsrapport voor de raad en partners: samenvatting, economie, doelen, groeiclusters, programma, toekomstverkenning en relaties in cijfers, met methoden en bronnen. Elk cijfer is dat van zijn pagina op de peildatum.",
                    "The progress report for the council and partners: summary, economy, goals, growth clusters, programme, futures and relations in numbers, with methods and sources. Every figure is that of its page on the reporting date."))),
                .h2(.text(localized("Rapport maken", "Make a report"))),
                .form(.class("stacked"), .method(.get), .action(SiteURL.report.path),
                      Forms.problemSummary(make, for: makeFields), makeFields,
                      .div(.class("actions"),
                           .button(.type(.submit), .name("formaat"), .value("pdf"), .flag("disabled", model.pdfProblem != nil), .text(localized("Download als PDF", "Download as PDF"))),
                           .button(.type(.submit), .name("formaat"), .value("html"), .text(localized("Bekijk als HTML", "View as HTML"))))),
                .unwrap(model.pdfProblem) { .p(.class("notice"), .text($0)) },
                .h2(.id("vastgelegd"), .text(localized("Vastgelegde rapporten", "Frozen reports"))),
                .p(.text(localized(
                    "Vastleggen bewaart het rapport van een peildatum zoals het is overhandigd (HTML en PDF met hun SHA-256), met de meting van de doelen op die datum. Het blijft daarna byte voor byte hetzelfde, wat er ook geïmporteerd wordt.",
                    "Freezing keeps the report of a reporting date as it was handed over (HTML and PDF with their SHA-256), with the goals' measurement of that date. It stays the same byte for byte afterwards, whatever is imported."))),
                model.reports.isEmpty ? .p(.text(localized("Nog geen rapport vastgelegd.", "No report frozen yet."))) : .div(.class("table-scroll"), .table(
                    .caption(.text(localized("Vastgelegde rapporten, nieuwste peildatum eerst", "Frozen reports, latest reporting date first"))),
                    .thead(.tr(.th(.text(localized("Peildatum", "Reporting date"))), .th(.text(localized("Gebied", "Area"))), .th(.text(localized("Taal", "Language"))),
                               .th(.class("number"), .text(localized("Pagina's", "Pages"))), .th(.text(localized("Vastgelegd", "Frozen"))),
                               .th(.text(localized("Bestanden", "Files"))), .th(.text("SHA-256 (PDF)")))),
                    .tbody(.forEach(model.reports) { report in
                        .tr(.td(.text(CalendarDay(report.date).map(Format.date) ?? report.date)), .td(.text(name(of: report.area))), .td(.text(report.language)),
                            .td(.class("number"), .text(report.pages.map(String.init) ?? "–")),
                            .td(.text(Format.moment(report.frozenAt) + (report.frozenBy.map { localized(" door ", " by ") + $0 } ?? ""))),
                            .td(.a(.href(SiteURL.frozenReport.path("\(report.id.uuidString).html")), .text("HTML")),
                                .if(report.pdfSHA256 != nil, .group(.text(" · "), .a(.href(SiteURL.frozenReport.path("\(report.id.uuidString).pdf")), .text("PDF"))),
                                    else: .text(localized(" · geen PDF", " · no PDF")))),
                            .td(.code(.class("hash"), .text(String((report.pdfSHA256 ?? report.htmlSHA256).prefix(16)) + "…"))))
                    }))),
                .if(model.mayFreeze, .group(
                    .h3(.id("vastleggen"), .text(localized("Rapport vastleggen", "Freeze a report"))),
                    Forms.post(SiteURL.reports.path, csrf: viewer.csrfToken, problems: freeze,
                               freezeFields, .button(.type(.submit), .text(localized("Rapport vastleggen", "Freeze the report"))))))
            ))
        }

        private func name(of area: String) -> String {
            model.areas.first { $0.value == area }?.name ?? area
        }
    }
}
