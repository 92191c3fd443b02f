import Analysis
import Foundation
import Markup

extension Home {
    struct View {
        let model: Model
        var viewer: Layout.Viewer? = nil
        /// The goals with their status today (Doelen).
        var goals: [GoalEvaluation] = []
        /// The viewer's own open follow-ups (Relaties > Mijn taken), for whoever has them.
        var tasks: MyTasks.Model? = nil
        /// Signposts that reached their trigger and are not yet acknowledged (Toekomst).
        var alerts: [SignpostAlert] = []
        var mayAcknowledge = false

        func render() -> String {
            Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .home, viewer: viewer), main: content)
        }

        private var content: Node {
            guard model.municipalityName != nil else {
                return .group(
                    .h1(.text(localized("Onbekende gemeente", "Unknown municipality"))),
                    .p(.class("notice"), .text(localized("De ingestelde gemeente \(model.area) staat niet in de CBS-lijst van gemeenten (2024). Zet VLIEGWIEL_AREA op een CBS-gemeentecode (GM en vier cijfers) en start Vliegwiel opnieuw.", "The configured municipality \(model.area) is not in the CBS list of municipalities (2024). Set VLIEGWIEL_AREA to a CBS municipality code (GM and four digits) and start Vliegwiel again.")))
                )
            }
            guard let latest = model.latest else {
                return .group(
                    .h1(.text(model.title)),
                    .div(.class("notice"),
                         .p(.text(localized("Er is nog geen vestigingenregister geladen voor deze gemeente.", "No register of establishments has been loaded for this municipality yet."))),
                         .p(.text(localized("Importeer een register met ", "Import a register with ")), .code("vliegwiel import register BESTAND.csv"),
                            .text(localized(", of start de demo met ", ", or start the demo with ")), .code("swift run vliegwiel demo"), .text(".")))
                )
            }
            return .group(
                .h1(.text(model.title)),
                .unwrap(viewer) { FuturesFigures.alerts(alerts, viewer: $0, mayAcknowledge: mayAcknowledge) },
                .p(.class("lead"), .text(localized("Kerncijfers \(latest.year), berekend uit het vestigingenregister", "Key figures \(latest.year), computed from the register of establishments") + (model.base.map { localized(", vergeleken met ", ", compared with ") + String($0.year) } ?? "") + ".")),
                .div(
                    .class("figures"),
                    figure(localized("Banen", "Jobs"), value: Format.integer(latest.jobs), change: change(\.jobs)),
                    figure(localized("Vestigingen", "Establishments"), value: Format.integer(latest.establishments), change: change(\.establishments)),
                    figure(localized("Inwoners", "Inhabitants"), value: latest.inhabitants.map(Format.integer) ?? localized("onbekend", "unknown"), change: inhabitantsChange),
                    figure(localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), value: latest.jobsPerThousandInhabitants.map { Format.decimal($0) } ?? localized("onbekend", "unknown"),
                           change: perThousandChange)
                ),
                table(latest),
                .p(.class("source"), .text(sourceLine(latest))),
                .if(!goals.isEmpty, .group(
                    .h2(.text(localized("Doelen van de strategie", "The strategy's goals"))),
                    GoalsIndex.table(goals, caption: localized("Doelen en hun status vandaag", "Goals and their status today")),
                    .p(.a(.href(SiteURL.goals.path), .text(localized("Alle doelen, hun bewijs en vastgelegde metingen", "All goals, their evidence and frozen measurements")))))),
                .unwrap(tasks) { tasks in taskList(tasks) })
        }

        /// "Mijn taken": how many open and overdue, and the first five by due date.
        private func taskList(_ tasks: MyTasks.Model) -> Node {
            let overdue = tasks.rows.filter { $0.dueOn < tasks.today.text }.count
            return .group(
                .h2(.text(localized("Mijn taken", "My tasks"))),
                .p(.text(tasks.rows.isEmpty ? localized("Geen open vervolgacties.", "No open follow-ups.")
                         : localized("\(tasks.rows.count) open vervolgacties, waarvan \(overdue) te laat.", "\(tasks.rows.count) open follow-ups, \(overdue) of them overdue."))),
                .if(!tasks.rows.isEmpty, .ul(.forEach(Array(tasks.rows.sorted { $0.dueOn < $1.dueOn }.prefix(5))) { row in
                    .li(.text((CalendarDay(row.dueOn).map(Format.date) ?? row.dueOn) + (row.dueOn < tasks.today.text ? localized(" (te laat)", " (overdue)") : "") + ": " + row.description),
                        .unwrap(row.organisation) { organisation in .group(.text(" · "), .a(.href(SiteURL.organisation.path(organisation.id)), .text(organisation.name))) })
                })),
                .p(.a(.href(SiteURL.myTasks.path), .text(localized("Alle taken", "All tasks")))))
        }

        private func figure(_ label: String, value: String, change: String?) -> Node {
            .div(.class("figure"),
                 .p(.class("label"), .text(label)),
                 .p(.class("value"), .text(value)),
                 .unwrap(change) { .p(.class("change"), .text($0)) })
        }

        private func change(_ figure: KeyPath<KeyFigures, Int>) -> String? {
            changeText(from: model.base?[keyPath: figure], to: model.latest?[keyPath: figure])
        }

        private var inhabitantsChange: String? {
            changeText(from: model.base?.inhabitants, to: model.latest?.inhabitants)
        }

        /// "+1.234 (+5,6%) sinds 2015".
        private func changeText(from: Int?, to: Int?) -> String? {
            guard let base = model.base, let from, let to else { return nil }
            let change = Change(from: from, to: to)
            return Format.signed(change.absolute) + (change.relative.map { " (\(Format.signedPercent($0)))" } ?? "") + localized(" sinds ", " since ") + String(base.year)
        }

        private var perThousandChange: String? {
            guard let base = model.base, let from = base.jobsPerThousandInhabitants, let to = model.latest?.jobsPerThousandInhabitants else { return nil }
            let difference = to - from
            return (difference > 0 ? "+" : "") + Format.decimal(difference) + localized(" sinds ", " since ") + String(base.year)
        }

        /// The same figures as a table, for screen readers and for copying.
        private func table(_ latest: KeyFigures) -> Node {
            let years = [model.base, latest].compactMap { $0 }
            let rows: [(String, (KeyFigures) -> String)] = [
                (localized("Banen", "Jobs"), { Format.integer($0.jobs) }),
                (localized("Vestigingen", "Establishments"), { Format.integer($0.establishments) }),
                (localized("Inwoners", "Inhabitants"), { $0.inhabitants.map(Format.integer) ?? localized("onbekend", "unknown") }),
                (localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), { $0.jobsPerThousandInhabitants.map { Format.decimal($0) } ?? localized("onbekend", "unknown") }),
            ]
            return .table(
                .caption(.text(localized("Kerncijfers ", "Key figures ") + (model.municipalityName ?? model.area))),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(localized("Kerncijfer", "Key figure"))),
                           .forEach(years) { .th(.class("number"), .attribute(named: "scope", value: "col"), .text(String($0.year))) })),
                .tbody(.forEach(rows) { label, value in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(label)),
                        .forEach(years) { .td(.class("number"), .text(value($0))) })
                })
            )
        }

        private func sourceLine(_ latest: KeyFigures) -> String {
            let population = model.populationSource.map { localized("; inwoners: ", "; inhabitants: ") + $0 } ?? ""
            return SourceLine.register(isDemo: model.isDemo, years: [latest.year]) + population
                + "; " + SourceLine.processed + localized(". Banen zijn voltijd- plus deeltijdbanen (LISA-definitie).", ". Jobs are full-time plus part-time jobs (LISA definition).")
        }
    }
}
