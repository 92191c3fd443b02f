import Foundation
import Markup

extension GoalsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let title = localized("Doelen", "Goals")
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .goals, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "De beloften van het Economisch Perspectief, elk gemeten met een indicator uit de gegevens van Vliegwiel, op \(Format.date(model.today)).",
                    "The promises of the Economisch Perspectief, each measured with an indicator from Vliegwiel's data, on \(Format.date(model.today))."))),
                .p(.class("actions"), .if(model.mayEdit, .a(.class("button"), .href(SiteURL.newGoal.path), .text(localized("Nieuw doel", "New goal")))),
                   .a(.href(SiteURL.manualValues.path), .text(localized("Handmatige indicatoren", "Manual indicators")))),
                GoalsIndex.table(model.goals, caption: localized("Doelen en hun status", "Goals and their status")),
                .p(.class("source"), .text(GoalFigures.rules)),
                .h2(.id("vastleggen"), .text(localized("Vastgelegde metingen", "Frozen measurements"))),
                .p(.text(localized("Een vastgelegde meting bewaart waarde, status en bewijs van elk doel op een peildatum; latere imports en wijzigingen veranderen haar niet.",
                                   "A frozen measurement keeps every goal's value, status and evidence on a reporting date; later imports and changes leave it as it is."))),
                model.frozen.isEmpty ? .p(.text(localized("Nog niets vastgelegd.", "Nothing frozen yet."))) : .table(
                    .caption(.text(localized("Peildata", "Reporting dates"))),
                    .thead(.tr(.th(.text(localized("Peildatum", "Reporting date"))), .th(.text(localized("Vastgelegd op", "Frozen at"))),
                               .th(.class("number"), .text(localized("Doelen", "Goals"))), .th(.text("CSV")))),
                    .tbody(.forEach(model.frozen) { frozen in
                        .tr(.td(.a(.href(SiteURL.goalSnapshot.path(frozen.date)), .text(CalendarDay(frozen.date).map(Format.date) ?? frozen.date))),
                            .td(.text(Format.moment(frozen.takenAt))), .td(.class("number"), .text(String(frozen.goals))),
                            .td(.a(.href(SiteURL.goalSnapshot.path(frozen.date) + "?formaat=csv"), .text(localized("download", "download")))))
                    })),
                .if(model.mayEdit, Forms.post(SiteURL.goalSnapshots.path, csrf: viewer?.csrfToken ?? "", class: "inline", problems: model.problems,
                    Forms.text(localized("Peildatum", "Reporting date"), "date", value: model.date ?? model.today.text, problems: model.problems, type: "date", required: true),
                    .button(.type(.submit), .text(localized("Vastleggen", "Freeze")))))
            ))
        }
    }

    /// The goals with value, expected value, target and status; also on the home page.
    static func table(_ goals: [GoalEvaluation], caption: String) -> Node {
        .table(
            .caption(.text(caption)),
            .thead(.tr(.th(.text(localized("Doel", "Goal"))), .th(.text(localized("Nu", "Now"))),
                       .th(.class("number"), .text(localized("Volgens traject", "On the trajectory"))),
                       .th(.text(localized("Van → naar", "From → to"))), .th(.text(localized("Status", "Status"))))),
            .tbody(.forEach(goals) { goal in
                .tr(.td(.a(.href(SiteURL.goal.path(goal.key)), .text(goal.title)),
                        .if(goal.perGrowthCluster, .text(localized(" (per groeicluster)", " (per growth cluster)")))),
                    .td(.text(GoalFigures.value(goal.current, unit: goal.indicator.unit))),
                    .td(.class("number"), .text(Format.figure(goal.expected))),
                    .td(.text(GoalFigures.target(goal.progress, unit: ""))),
                    .td(GoalFigures.status(goal.status)))
            }))
    }
}

/// How the goal pages, the home page and the report write a goal's figures and status.
enum GoalFigures {
    static func status(_ status: GoalProgress.Status?) -> Node {
        guard let status else { return .span(.class("status status-none"), .text(localized("geen waarde", "no value"))) }
        return .span(.class("status status-\(status.rawValue)"), .text(status.label))
    }

    /// "12 organisaties (2026-12-02)", or why there is no value.
    static func value(_ row: GoalEvaluation.Row?, unit: String) -> String {
        guard let row else { return localized("geen waarde", "no value") }
        guard let value = row.value else { return row.problem ?? localized("geen waarde", "no value") }
        return "\(Format.figure(value.value)) \(unit) (\(asOf(value.asOf)))"
    }

    /// "registerjaar 2025" or "2026-12-02".
    static func asOf(_ text: String) -> String {
        text.count == 4 ? localized("registerjaar ", "register year ") + text : CalendarDay(text).map(Format.date) ?? text
    }

    /// "20 → 30 vóór 31-12-2025".
    static func target(_ progress: GoalProgress, unit: String) -> String {
        "\(Format.figure(progress.baseline)) → \(Format.figure(progress.target))" + (unit.isEmpty ? "" : " " + unit) + localized(" uiterlijk ", " by ") + Format.date(progress.deadline)
    }

    /// The status rules, as every goal page states them.
    static var rules: String {
        localized("Gehaald: de waarde heeft de streefwaarde bereikt. Op koers: nog niet, maar de waarde ligt op of voorbij het rechte traject van beginwaarde naar streefwaarde op de dag van meten. In gevaar: achter op het traject met minder dan 10 % van de hele weg, en de einddatum is niet voorbij. Uit koers: verder achter, of de einddatum is voorbij zonder dat de streefwaarde is gehaald. Een doel per groeicluster krijgt de slechtste status van zijn clusters (geen, zolang een cluster geen waarde heeft), en als waarde die van het cluster dat het verst achterloopt.",
                  "Met: the value has reached the target. On track: not yet, but the value is at or beyond the straight trajectory from baseline to target on the day of measuring. At risk: behind the trajectory by less than 10 % of the whole way, and the deadline has not passed. Off track: further behind, or the deadline passed without the target met. A goal per growth cluster gets the worst status of its clusters (none while a cluster has no value), and as its value that of the cluster furthest behind.")
    }
}
