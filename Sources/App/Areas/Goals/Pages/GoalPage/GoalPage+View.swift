import Foundation
import Markup

extension GoalPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let goal = model.evaluation, unit = goal.indicator.unit
            return Layout.render(Layout.Page(title: goal.title, isDemo: model.isDemo, current: .goal, viewer: viewer), main: .group(
                .p(.class("breadcrumb"), .a(.href(SiteURL.goals.path), .text(localized("Doelen", "Goals")))),
                .h1(.text(goal.title)),
                .p(.class("lead"), GoalFigures.status(goal.status), .text(" " + GoalFigures.target(goal.progress, unit: unit)
                    + localized(", vanaf \(Format.date(goal.progress.baselineDate)).", ", from \(Format.date(goal.progress.baselineDate))."))),
                .if(model.mayEdit, .p(.class("actions"), .a(.class("button"), .href(SiteURL.editGoal.path(goal.key)), .text(localized("Bewerken", "Edit"))))),
                .unwrap(model.notes) { .p(.text($0)) },
                .div(.class("figures"),
                     figure(localized("Nu", "Now"), GoalFigures.value(goal.current, unit: unit)),
                     figure(localized("Volgens traject op \(Format.date(goal.day))", "On the trajectory on \(Format.date(goal.day))"), Format.figure(goal.expected) + " " + unit),
                     figure(localized("Streefwaarde", "Target"), Format.figure(goal.progress.target) + " " + unit)),
                .div(.class("chart-block compact"), chart.svg(id: "traject")),
                rows,
                .h2(.text(localized("Hoe het gemeten wordt", "How it is measured"))),
                .dl(.dt(.text(localized("Indicator", "Indicator"))), .dd(.text(goal.indicator.name), .text(" ("), .code(.text(goal.indicator.id.rawValue)), .text(")")),
                    .dt(.text(localized("Parameters", "Parameters"))),
                    .dd(.text(goal.parameters.isEmpty ? localized("geen", "none")
                              : Goal.text(of: goal.parameters)), .if(goal.perGrowthCluster, .text(localized("; per groeicluster", "; per growth cluster")))),
                    .dt(.text(localized("Definitie", "Definition"))), .dd(.text(goal.indicator.definition)),
                    .dt(.text(localized("Status", "Status"))), .dd(.text(GoalFigures.rules))),
                .h2(.text(localized("Vastgelegde metingen", "Frozen measurements"))),
                model.history.isEmpty ? .p(.text(localized("Nog geen meting vastgelegd voor dit doel.", "No measurement frozen for this goal yet."))) : .table(
                    .caption(.text(localized("Vastgelegde metingen van \(goal.title)", "Frozen measurements of \(goal.title)"))),
                    .thead(.tr(.th(.text(localized("Peildatum", "Reporting date"))), .th(.class("number"), .text(localized("Waarde", "Value"))),
                               .th(.text(localized("Status", "Status"))))),
                    .tbody(.forEach(model.history) { frozen in
                        .tr(.td(.a(.href(SiteURL.goalSnapshot.path(frozen.date.text)), .text(Format.date(frozen.date)))),
                            .td(.class("number"), .text(frozen.value.map { Format.figure($0) } ?? "–")), .td(GoalFigures.status(frozen.status)))
                    }))
            ))
        }

        private func figure(_ label: String, _ value: String) -> Node {
            .div(.class("figure"), .p(.class("label"), .text(label)), .p(.class("value small"), .text(value)))
        }

        private var chart: TrajectoryChart {
            let goal = model.evaluation
            return TrajectoryChart(
                title: localized("Traject en metingen", "Trajectory and measurements"), unit: goal.indicator.unit,
                baseline: .init(day: goal.progress.baselineDate, value: goal.progress.baseline, label: localized("Beginwaarde", "Baseline")),
                target: .init(day: goal.progress.deadline, value: goal.progress.target, label: localized("Streefwaarde", "Target")),
                measured: model.history.compactMap { frozen in frozen.value.map { .init(day: frozen.date, value: $0, label: Format.date(frozen.date)) } },
                now: goal.current?.value.map { .init(day: goal.day, value: $0.value, label: localized("Nu", "Now")) },
                source: localized("Bron: Vliegwiel, ", "Source: Vliegwiel, ") + goal.indicator.name.lowercased() + (model.isDemo ? localized(" (demodata)", " (demo data)") : ""))
        }

        /// Per row (the goal, or each growth cluster): value, status and the evidence records.
        private var rows: Node {
            let goal = model.evaluation
            return .group(.forEach(goal.rows) { row in
                .section(
                    .h2(.text(goal.perGrowthCluster ? row.label : localized("Bewijs", "Evidence"))),
                    .if(goal.perGrowthCluster, .p(GoalFigures.status(row.status), .text(" " + GoalFigures.value(row, unit: goal.indicator.unit)))),
                    .unwrap(row.problem) { .p(.class("notice"), .text($0)) },
                    .unwrap(row.value) { value in
                        value.evidence.isEmpty
                            ? .p(.class("hint"), .text(localized("Deze indicator is een telling uit het register zonder losse records.", "This indicator is a count from the register without separate records.")))
                            : .details(.summary(.text(localized("\(value.evidence.count) records achter de waarde", "\(value.evidence.count) records behind the value"))),
                                       .ul(.class("columns"), .forEach(value.evidence) { item in
                                           .li(item.link.map { .a(.href($0), .text(item.label)) } ?? .text(item.label))
                                       }))
                    })
            })
        }
    }
}
