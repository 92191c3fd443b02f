import Foundation
import Markup

extension AcquisitionsIndex {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer

        private func link(_ filter: Filter, _ order: ListOrder<Column>? = nil) -> String {
            SiteURL.acquisitions.with(filter.parameters + (filter.display == .board ? [] : (order ?? filter.order).parameters))
        }

        private var title: String { localized("Acquisitie", "Acquisitions") }

        var page: Layout.Page {
            Layout.Page(title: title, isDemo: viewer.seesDemo, current: .acquisitions, viewer: viewer)
        }

        var main: Node {
            let (all, filter, mayEdit) = (model.all, model.filter, model.mayEdit)
            let landed = all.filter { $0.stage == .landed }
            let overdue = all.filter { $0.isOverdue(on: model.today) }.count
            var list = filter, board = filter
            (list.display, board.display) = (.list, .board)
            return .group(
                .h1(.text(title)),
                .if(mayEdit, .p(.a(.class("button"), .href(SiteURL.newAcquisition.path), .text(localized("Nieuwe acquisitie", "New acquisition"))))),
                .p(.class("lead"), .text(localized(
                    "\(all.count) bedrijven van buiten de regio; \(landed.count) geland met samen \(Format.integer(landed.compactMap(\.expectedJobs).reduce(0, +))) verwachte banen.",
                    "\(all.count) companies from outside the region; \(landed.count) landed with \(Format.integer(landed.compactMap(\.expectedJobs).reduce(0, +))) expected jobs together."))),
                .if(overdue > 0, .p(.class("late"), .text(overdue == 1
                    ? localized("1 open acquisitie is over haar besluitdatum.", "1 open acquisition is past its decision date.")
                    : localized("\(overdue) open acquisities zijn over hun besluitdatum.", "\(overdue) open acquisitions are past their decision date.")))),
                stages,
                .nav(.class("subnav-inline"), .ariaLabel(localized("Weergave", "View")),
                     .a(.href(link(list)), .attribute(named: "aria-current", value: filter.display == .list ? "page" : nil), .text(localized("Lijst", "List"))),
                     .text(" · "),
                     .a(.href(link(board)), .attribute(named: "aria-current", value: filter.display == .board ? "page" : nil), .text(localized("Bord per fase", "Board by stage")))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.acquisitions.path),
                      .label(.for("fase"), .text(localized("Fase", "Stage"))),
                      Forms.select(id: "fase", name: "fase", options: [("", localized("alle", "all"))] + Acquisition.Stage.allCases.map { ($0.rawValue, $0.label) },
                                   selected: filter.stage?.rawValue ?? ""),
                      .label(.for("cluster"), .text(localized("cluster", "cluster"))),
                      Forms.select(id: "cluster", name: "cluster", options: [("", localized("alle", "all"))] + model.clusters.map { ($0.key, $0.name) },
                                   selected: filter.cluster ?? ""),
                      .if(filter.display == .board, .input(.type(.hidden), .name("weergave"), .value(Display.board.rawValue))),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                filter.display == .board ? self.board : table
            )
        }

        private var stages: Node {
            .table(
                .caption(.text(localized("Per fase", "By stage"))),
                .thead(.tr(.th(.text(localized("Fase", "Stage"))), .th(.class("number"), .text(localized("Bedrijven", "Companies"))),
                           .th(.class("number"), .text(localized("Verwachte banen", "Expected jobs"))),
                           .th(.class("number"), .text(localized("Verwachte investering (€)", "Expected investment (€)"))))),
                .tbody(.forEach(Acquisition.Stage.allCases) { stage in
                    let inStage = model.all.filter { $0.stage == stage }
                    return .tr(.th(.attribute(named: "scope", value: "row"), .text(stage.label)), .td(.class("number"), .text(String(inStage.count))),
                               .td(.class("number"), .text(Format.integer(inStage.compactMap(\.expectedJobs).reduce(0, +)))),
                               .td(.class("number"), .text(Format.integer(inStage.compactMap(\.expectedInvestment).reduce(0, +)))))
                }))
        }

        private func name(_ row: AcquisitionService.Visible) -> Node {
            .group(row.mayOpen ? .a(.href(SiteURL.acquisition.path(row.id)), .text(row.name)) : .text(row.name),
                   .if(row.isConfidential, .text(localized(" (vertrouwelijk)", " (confidential)"))),
                   .unwrap(row.organisation) { .group(.text(" → "), .a(.href(SiteURL.organisation.path($0)), .text(localized("organisatie", "organisation")))) })
        }

        private func decision(_ row: AcquisitionService.Visible) -> Node {
            .group(.text(row.decisionOn.flatMap { CalendarDay($0)?.dutch } ?? ""),
                   .if(row.isOverdue(on: model.today), .span(.class("late"), .text(localized(" verlopen", " overdue")))))
        }

        private var table: Node {
            let order = model.filter.order
            let header = { (label: String, column: Column, numeric: Bool) in
                ListControls.header(label, column, order: order, numeric: numeric) { link(model.filter, $0) }
            }
            return .group(
                .table(
                    .caption(.text(localized("Acquisities", "Acquisitions"))),
                    .thead(.tr(header(localized("Bedrijf", "Company"), .name, false), header(localized("Fase", "Stage"), .stage, false),
                               .th(.text(localized("Cluster", "Cluster"))), .th(.text(localized("Herkomst", "Origin"))),
                               header(localized("Banen", "Jobs"), .jobs, true), header(localized("Besluit", "Decision"), .decision, false))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.if(row.isOverdue(on: model.today), .class("overdue")),
                            .td(name(row)), .td(.text(row.stage.label)), .td(.text(row.cluster?.name ?? "")),
                            .td(.text(row.originMunicipality.map { model.municipalityNames[$0] ?? $0 } ?? "")),
                            .td(.class("number"), .text(row.expectedJobs.map(Format.integer) ?? "")), .td(decision(row)))
                    })),
                ListControls.pages(page: order.page, pageSize: Model.pageSize, total: model.total) { link(model.filter, order.page($0)) })
        }

        /// A column per stage, each acquisition a card.
        private var board: Node {
            .div(.class("board"), .forEach(Acquisition.Stage.allCases.filter { model.filter.stage == nil || $0 == model.filter.stage }) { stage in
                let cards = model.rows.filter { $0.stage == stage }
                return .section(.class("stage"), .ariaLabel(stage.label),
                    .h2(.text("\(stage.label) (\(cards.count))")),
                    .ul(.forEach(cards) { row in
                        .li(.class(row.isOverdue(on: model.today) ? "card overdue" : "card"),
                            .p(name(row)),
                            .p(.class("hint"), .text([row.cluster?.name, row.expectedJobs.map { localized("\(Format.integer($0)) banen", "\(Format.integer($0)) jobs") }]
                                .compactMap { $0 }.joined(separator: " · "))),
                            .unwrap(row.decisionOn) { _ in .p(.class("hint"), .text(localized("Besluit ", "Decision ")), decision(row)) })
                    }))
            })
        }
    }
}
