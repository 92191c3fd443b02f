import Foundation
import Markup

extension GoalSnapshotPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let title = localized("Meting van \(Format.date(model.date))", "Measurement of \(Format.date(model.date))")
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .goalSnapshot, viewer: viewer), main: .group(
                .p(.class("breadcrumb"), .a(.href(SiteURL.goals.path), .text(localized("Doelen", "Goals")))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized("Zoals vastgelegd; latere imports en wijzigingen veranderen deze meting niet.",
                                                   "As frozen; later imports and changes do not change this measurement."))),
                .p(.class("actions"), .a(.href(SiteURL.goalSnapshot.path(model.date.text) + "?formaat=csv"), .text(localized("Download als CSV", "Download as CSV")))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Doel", "Goal"))), .th(.class("number"), .text(localized("Waarde", "Value"))),
                               .th(.text(localized("Gegevens van", "Data of"))), .th(.class("number"), .text(localized("Volgens traject", "On the trajectory"))),
                               .th(.text(localized("Status", "Status"))), .th(.class("number"), .text(localized("Bewijsrecords", "Evidence records"))))),
                    .tbody(.forEach(model.measurements) { row in
                        .tr(.td(row.rowLabel == nil ? .a(.href(SiteURL.goal.path(row.goalKey)), .text(row.title)) : .span(.class("indent"), .text("· " + row.rowLabel!))),
                            .td(.class("number"), .text(row.value.map { Format.figure($0) } ?? (row.problem ?? "–"))),
                            .td(.text(row.asOf.map(GoalFigures.asOf) ?? "–")),
                            .td(.class("number"), .text(Format.figure(row.expected))),
                            .td(GoalFigures.status(row.status)), .td(.class("number"), .text(String(row.evidence))))
                    })),
                .p(.class("source"), .text(localized("Importruns: ", "Import runs: ") + (model.measurements.first?.importRuns.replacingOccurrences(of: ";", with: ", ") ?? "–")))
            ))
        }
    }
}
