import Analysis
import Foundation
import Markup

extension FirmSize {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo, years: [model.year]) + ", " + SourceLine.processed
                + localized(". Grootteklassen van LISA, naar aantal banen.", ". LISA size classes, by number of jobs.")
        }

        /// "1 baan", "2-4 banen".
        private func label(_ sizeClass: RegisterPanel.SizeClass) -> String {
            sizeClass.rawValue + (sizeClass == .one ? localized(" baan", " job") : localized(" banen", " jobs"))
        }

        /// The units of a size class: the records behind its figures.
        private func records(_ sizeClass: RegisterPanel.SizeClass, unit: RegisterPanel.Unit? = nil) -> String {
            EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: model.selection.area, year: model.year, sizeClass: sizeClass, unit: unit ?? model.unit))
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .firmSize, viewer: viewer, selection: model.selection.kept)
        }

        /// Everything but the page shell: the same for every viewer, so it is cached rendered.
        var main: Node {
            let link = { (extra: [String: String]) in SiteURL.firmSize.path + "?" + model.selection.query(["eenheid": model.unit.rawValue].merging(extra) { $1 }) }
            return .group(
                .h1(.text(model.title)),
                Forms.selection(.firmSize, model.selection, years: .end(label: localized("jaar", "year"), years: model.selection.years), extra: [
                    .label(.for("eenheid"), .text(localized(" eenheid ", " unit "))),
                    Forms.select(id: "eenheid", name: "eenheid",
                                 options: [("enterprise", localized("ondernemingen (KvK)", "enterprises (KvK)")), ("establishment", localized("vestigingen", "establishments"))],
                                 selected: model.unit.rawValue),
                ]),
                .p(.class("lead"), .text(localized("\(Format.decimal(model.largeShare * 100))% van de banen zit bij ondernemingen met 250 of meer banen in \(model.selection.name).",
                                                     "\(Format.decimal(model.largeShare * 100))% of the jobs are in enterprises with 250 or more jobs in \(model.selection.name).")),
                   .text(" "), .a(.href(records(.twoFiftyPlus, unit: .enterprise)), .text(localized("Welke ondernemingen?", "Which enterprises?")))),
                .div(.class("chart-block"), BarChart(title: localized("Aantal \(model.unitLabel) per grootteklasse", "Number of \(model.unitLabel) per size class") + ", \(model.year)", unit: model.unitLabel,
                    bars: model.rows.map { .init(label: label($0.sizeClass), value: Double($0.units), link: records($0.sizeClass)) }, source: source).svg(id: "aantal")),
                .div(.class("chart-block"), BarChart(title: localized("Banen per grootteklasse van de \(model.unitLabel)", "Jobs per size class of the \(model.unitLabel)") + ", \(model.year)", unit: localized("banen", "jobs"),
                    bars: model.rows.map { .init(label: label($0.sizeClass), value: Double($0.jobs), link: records($0.sizeClass)) }, source: source).svg(id: "banen")),
                .table(
                    .caption(.text(localized("\(model.unitLabel.capitalized) en banen per grootteklasse", "\(model.unitLabel.capitalized) and jobs per size class"))),
                    .thead(.tr(.th(.text(localized("Grootteklasse (banen)", "Size class (jobs)"))), .th(.class("number"), .text(model.unitLabel.capitalized)),
                               .th(.class("number"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(row.sizeClass.rawValue)),
                            .td(.class("number"), .a(.href(records(row.sizeClass)), .text(Format.integer(row.units)))),
                            .td(.class("number"), .a(.href(records(row.sizeClass)), .text(Format.integer(row.jobs)))))
                    })
                ),
                Downloads.links(link(["formaat": "csv"]), localized("Download deze tabel", "Download this table")),
                .p(.class("source"), .text(source))
            )
        }
    }
}
