import Analysis
import Fluent
import Plot

/// "Stand van <gemeente>": the key figures of the latest register year against ten years earlier.
enum Home {
    struct Model: Equatable {
        let area: String
        let municipalityName: String?
        let isDemo: Bool
        let latest: KeyFigures?
        /// Ten years before `latest`, when the register goes back that far.
        let base: KeyFigures?
        let populationSource: String?

        var title: String { "Stand van \(municipalityName ?? area)" }
    }

    static func query(area code: String, on database: Database) async throws -> Model {
        let isDemo = try await Setting.isDemo(on: database)
        guard let municipality = try await Municipality.find(code, on: database) else {
            return Model(area: code, municipalityName: nil, isDemo: isDemo, latest: nil, base: nil, populationSource: nil)
        }
        let store = RegisterStore(database)
        guard let latestYear = try await store.latestYear(municipality: code) else {
            return Model(area: code, municipalityName: municipality.name, isDemo: isDemo, latest: nil, base: nil, populationSource: nil)
        }
        let baseYear = try await store.hasRecords(municipality: code, year: latestYear - 10) ? latestYear - 10 : nil
        let panel = try await store.panel(municipalities: [code], years: [latestYear] + (baseYear.map { [$0] } ?? []))
        let area = Area.municipality(code)
        var base: KeyFigures?
        if let baseYear {
            base = panel.keyFigures(in: area, year: baseYear, inhabitants: try await store.population(municipality: code, year: baseYear)?.inhabitants)
        }
        let population = try await store.population(municipality: code, year: latestYear)
        return Model(
            area: code, municipalityName: municipality.name, isDemo: isDemo,
            latest: panel.keyFigures(in: area, year: latestYear, inhabitants: population?.inhabitants),
            base: base, populationSource: population?.source)
    }

    struct View {
        let model: Model
        var viewer: Layout.Viewer? = nil

        func render() -> String {
            Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .home, viewer: viewer), main: content)
        }

        private var content: Node<HTML.BodyContext> {
            guard model.municipalityName != nil else {
                return .group(
                    .h1("Onbekende gemeente"),
                    .p(.class("notice"), .text("De ingestelde gemeente \(model.area) staat niet in de CBS-lijst van gemeenten (2024). Zet VLIEGWIEL_AREA op een CBS-code zoals GM0193 en start Vliegwiel opnieuw."))
                )
            }
            guard let latest = model.latest else {
                return .group(
                    .h1(.text(model.title)),
                    .div(.class("notice"),
                         .p("Er is nog geen vestigingenregister geladen voor deze gemeente."),
                         .p(.text("Importeer een register met "), .code("vliegwiel import register BESTAND.csv"),
                            .text(", of start de demo met "), .code("swift run vliegwiel demo"), .text(".")))
                )
            }
            return .group(
                .h1(.text(model.title)),
                .p(.class("lead"), .text("Kerncijfers \(latest.year), berekend uit het vestigingenregister" + (model.base.map { ", vergeleken met \($0.year)" } ?? "") + ".")),
                .div(
                    .class("figures"),
                    figure("Banen", value: DutchFormat.integer(latest.jobs), change: change(\.jobs)),
                    figure("Vestigingen", value: DutchFormat.integer(latest.establishments), change: change(\.establishments)),
                    figure("Inwoners", value: latest.inhabitants.map(DutchFormat.integer) ?? "onbekend", change: inhabitantsChange),
                    figure("Banen per 1.000 inwoners", value: latest.jobsPerThousandInhabitants.map { DutchFormat.decimal($0) } ?? "onbekend",
                           change: perThousandChange)
                ),
                table(latest),
                .p(.class("source"), .text(sourceLine(latest)))
            )
        }

        private func figure(_ label: String, value: String, change: String?) -> Node<HTML.BodyContext> {
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
            return DutchFormat.signed(change.absolute) + (change.relative.map { " (\(DutchFormat.signedPercent($0)))" } ?? "") + " sinds \(base.year)"
        }

        private var perThousandChange: String? {
            guard let base = model.base, let from = base.jobsPerThousandInhabitants, let to = model.latest?.jobsPerThousandInhabitants else { return nil }
            let difference = to - from
            return (difference > 0 ? "+" : "") + DutchFormat.decimal(difference) + " sinds \(base.year)"
        }

        /// The same figures as a table, for screen readers and for copying.
        private func table(_ latest: KeyFigures) -> Node<HTML.BodyContext> {
            let years = [model.base, latest].compactMap { $0 }
            let rows: [(String, (KeyFigures) -> String)] = [
                ("Banen", { DutchFormat.integer($0.jobs) }),
                ("Vestigingen", { DutchFormat.integer($0.establishments) }),
                ("Inwoners", { $0.inhabitants.map(DutchFormat.integer) ?? "onbekend" }),
                ("Banen per 1.000 inwoners", { $0.jobsPerThousandInhabitants.map { DutchFormat.decimal($0) } ?? "onbekend" }),
            ]
            return .table(
                .caption(.text("Kerncijfers \(model.municipalityName ?? model.area)")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Kerncijfer")),
                           .forEach(years) { .th(.class("number"), .attribute(named: "scope", value: "col"), .text(String($0.year))) })),
                .tbody(.forEach(rows) { label, value in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(label)),
                        .forEach(years) { .td(.class("number"), .text(value($0))) })
                })
            )
        }

        private func sourceLine(_ latest: KeyFigures) -> String {
            let register = model.isDemo ? "synthetisch demoregister \(latest.year)" : "vestigingenregister \(latest.year)"
            let population = model.populationSource.map { "; inwoners: \($0)" } ?? ""
            return "Bron: \(register)\(population); bewerking Vliegwiel. Banen zijn voltijd- plus deeltijdbanen (LISA-definitie)."
        }
    }
}
