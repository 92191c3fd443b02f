import Foundation
import Markup

extension AcquisitionsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (rows, municipalityNames, mayEdit) = (model.rows, model.municipalityNames, model.mayEdit)
            let title = localized("Acquisitie", "Acquisitions")
            let landed = rows.filter { $0.stage == .landed }
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .acquisitions, viewer: viewer), main: .group(
                .h1(.text(title)),
                .if(mayEdit, .p(.a(.class("button"), .href(SiteURL.newAcquisition.path), .text(localized("Nieuwe acquisitie", "New acquisition"))))),
                .p(.class("lead"), .text(localized(
                    "\(rows.count) bedrijven van buiten de regio; \(landed.count) geland met samen \(Format.integer(landed.compactMap(\.expectedJobs).reduce(0, +))) verwachte banen.",
                    "\(rows.count) companies from outside the region; \(landed.count) landed with \(Format.integer(landed.compactMap(\.expectedJobs).reduce(0, +))) expected jobs together."))),
                .table(
                    .caption(.text(localized("Per fase", "By stage"))),
                    .thead(.tr(.th(.text(localized("Fase", "Stage"))), .th(.class("number"), .text(localized("Bedrijven", "Companies"))),
                               .th(.class("number"), .text(localized("Verwachte banen", "Expected jobs"))),
                               .th(.class("number"), .text(localized("Verwachte investering (€)", "Expected investment (€)"))))),
                    .tbody(.forEach(Acquisition.Stage.allCases) { stage in
                        let inStage = rows.filter { $0.stage == stage }
                        return .tr(.th(.attribute(named: "scope", value: "row"), .text(stage.label)), .td(.class("number"), .text(String(inStage.count))),
                                   .td(.class("number"), .text(Format.integer(inStage.compactMap(\.expectedJobs).reduce(0, +)))),
                                   .td(.class("number"), .text(Format.integer(inStage.compactMap(\.expectedInvestment).reduce(0, +)))))
                    })),
                .table(
                    .caption(.text(localized("Alle acquisities", "All acquisitions"))),
                    .thead(.tr(.th(.text(localized("Bedrijf", "Company"))), .th(.text(localized("Fase", "Stage"))), .th(.text(localized("Cluster", "Cluster"))),
                               .th(.text(localized("Herkomst", "Origin"))), .th(.class("number"), .text(localized("Banen", "Jobs"))),
                               .th(.text(localized("Besluit", "Decision"))))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(row.mayOpen ? .a(.href(SiteURL.acquisition.path(row.id)), .text(row.name)) : .text(row.name),
                                .if(row.isConfidential, .text(localized(" (vertrouwelijk)", " (confidential)"))),
                                .unwrap(row.organisation) { .group(.text(" → "), .a(.href(SiteURL.organisation.path($0)), .text(localized("organisatie", "organisation")))) }),
                            .td(.text(row.stage.label)), .td(.text(row.cluster?.label ?? "")), .td(.text(row.originMunicipality.map { municipalityNames[$0] ?? $0 } ?? "")),
                            .td(.class("number"), .text(row.expectedJobs.map(Format.integer) ?? "")),
                            .td(.text(row.decisionOn.flatMap { CalendarDay($0)?.dutch } ?? "")))
                    }))
            ))
        }
    }
}
