import Analysis
import Foundation
import Markup

extension SignpostPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let signpost = model.signpost, id = signpost.id ?? UUID()
            return Layout.render(Layout.Page(title: signpost.name, isDemo: viewer.seesDemo, current: .signpost, viewer: viewer), main: .group(
                .p(.class("hint"), .a(.href(SiteURL.signposts.path), .text(localized("Signalen", "Signposts")))),
                .h1(.text(signpost.name)),
                .p(.class("lead"), FuturesFigures.status(signpost.status), .text(" "),
                   .text(localized("Bewaakt ", "Watches ")),
                   .unwrap(signpost.$item.value) { item in .group(.text(item.kind.label.lowercased() + " "), .a(.href(item.kind.page.path(item.key)), .text(item.name))) }),
                .dl(.dt(.text(localized("Indicator", "Indicator"))),
                    .dd(.text((model.indicator?.name ?? signpost.indicator) + (signpost.parameters.isEmpty ? "" : " (\(signpost.parameters))"))),
                    .dt(.text(localized("Nu", "Now"))), .dd(.text(FuturesFigures.current(signpost) + (model.indicator.map { " " + $0.unit } ?? ""))),
                    .dt(.text(localized("Drempel", "Trigger"))), .dd(.text("\(FuturesFigures.trigger(signpost)) (\(FuturesFigures.direction(signpost.direction)))")),
                    .dt(.text(localized("Vroege waarschuwing", "Early warning"))), .dd(.text(signpost.warning.map { Format.figure($0) } ?? "–")),
                    .dt(.text(localized("Trend", "Trend"))),
                    .dd(.text(signpost.slope.map { localized("\(Format.signedDecimal($0)) per jaar", "\(Format.signedDecimal($0)) a year") } ?? localized("geen (te weinig metingen)", "none (too few observations)"))),
                    .dt(.text(localized("Verwacht bij de drempel", "Projected at the trigger"))),
                    .dd(.text(signpost.projectedCrossing.flatMap(CalendarDay.init).map(Format.date)
                              ?? (signpost.status == .triggered ? localized("bereikt", "reached") : localized("niet op koers naar de drempel", "not heading for the trigger")))),
                    .dt(.text(localized("Gelezen", "Read"))), .dd(.text(signpost.evaluatedAt.map(Format.moment) ?? "–"))),
                .unwrap(signpost.notes) { .p(.text($0)) },
                chart(),
                .p(.class("hint"), .text(FuturesFigures.rules)),
                .if(!model.alerts.isEmpty, .group(
                    .h2(.text(localized("Meldingen", "Alerts"))),
                    .ul(.forEach(model.alerts) { alert in
                        .li(.text("\(Format.moment(alert.raisedAt)): \(alert.message) "),
                            .text(alert.acknowledgedAt.map { localized("Gezien op \(Format.moment($0)).", "Acknowledged on \(Format.moment($0)).") } ?? localized("Nog niet gezien.", "Not yet acknowledged.")))
                    }))),
                .if(model.mayEdit, .div(.class("actions"),
                    .a(.class("button"), .href(SiteURL.editSignpost.path(id)), .text(localized("Bewerken", "Edit"))),
                    Forms.post(SiteURL.deleteSignpost.path(id), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Verwijderen (meldingen blijven)", "Delete (alerts stay)"))))))
            ))
        }

        /// The history with the trigger as a second, flat series.
        private func chart() -> Node {
            let history = model.history
            guard history.count >= 2 else { return .empty }
            // One point a year (the latest of it: a manual series may have several).
            var byYear: [Int: Double] = [:]
            for point in history { byYear[Int(point.time.rounded(.down))] = point.value }
            let points = byYear.keys.sorted().map { (year: $0, value: byYear[$0]!) }
            let chart = LineChart(title: model.signpost.name, unit: model.indicator?.unit ?? "", points: points,
                                  source: localized("Bron: indicatorcatalogus van Vliegwiel; drempel \(FuturesFigures.trigger(model.signpost))",
                                                    "Source: Vliegwiel's indicator catalogue; trigger \(FuturesFigures.trigger(model.signpost))"),
                                  format: { Format.figure($0) })
            return .div(.class("chart-block compact"), chart.svg(id: "signaal"),
                           .table(.class("visually-hidden"), .caption(.text(model.signpost.name)),
                                  .tbody(.forEach(history) { point in .tr(.th(.text(point.asOf)), .td(.class("number"), .text(Format.figure(point.value)))) })))
        }
    }
}
