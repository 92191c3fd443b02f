import Foundation
import Markup

extension FuturesItemPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let item = model.item
            return Layout.render(Layout.Page(title: item.name, isDemo: viewer.seesDemo, current: item.kind.page, viewer: viewer), main: .group(
                .p(.class("hint"), .a(.href(SiteURL.futures.path), .text(localized("Toekomst", "Futures"))), .text(" › " + item.kind.label)),
                .h1(.text(item.name)),
                .p(.class("lead"), .text(item.description)),
                .if(!(item.assumptions ?? "").isEmpty, .group(
                    .h2(.text(item.kind == .scenario ? localized("Drijvende krachten", "Drivers") : localized("Wat de optie inhoudt", "What the option entails"))),
                    .ul(.forEach((item.assumptions ?? "").split(separator: "\n").map(String.init)) { .li(.text($0)) }))),
                .unwrap(item.signs) { signs in .group(.h2(.text(localized("Waaraan we zien dat het gebeurt", "How we would see it unfold"))), .p(.text(signs))) },
                .h2(.text(localized("Signalen", "Signposts"))),
                model.signposts.isEmpty ? .p(.text(localized("Nog geen signaal bewaakt dit.", "No signpost watches this yet."))) : SignpostsIndex.table(model.signposts),
                .h2(.text(localized("Scores in de robuustheidstoets", "Scores in the robustness test"))),
                scores(),
                .if(model.mayEdit, .div(.class("actions"),
                    .a(.class("button"), .href(item.kind.editPage.path(item.key)), .text(localized("Bewerken", "Edit"))),
                    Forms.post(item.kind.deletePage.path(item.key), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Verwijderen (met scores en signalen)", "Delete (with scores and signposts)"))))))
            ))
        }

        /// A scenario's page lists each option's scores in it; an option's page its scores per scenario.
        private func scores() -> Node {
            let matrix = model.matrix, item = model.item
            let rows: [(name: String, key: String, kind: FuturesItem.Kind, scores: [RobustnessMatrix.Score], cell: ProgrammeScores.Summary?)]
            if item.kind == .scenario, let s = matrix.scenarios.firstIndex(where: { $0.id == item.id }) {
                rows = matrix.options.indices.map { o in (matrix.options[o].name, matrix.options[o].key, .option, matrix.scores(o, s), matrix.cell(o, s)) }
            } else if let o = matrix.options.firstIndex(where: { $0.id == item.id }) {
                rows = matrix.scenarios.indices.map { s in (matrix.scenarios[s].name, matrix.scenarios[s].key, .scenario, matrix.scores(o, s), matrix.cell(o, s)) }
            } else {
                rows = []
            }
            return .group(.forEach(rows) { row in
                .section(.h3(.a(.href(row.kind.page.path(row.key)), .text(row.name)),
                             .text(row.cell.map { localized(": mediaan \(Format.figure($0.median))", ": median \(Format.figure($0.median))") } ?? localized(": nog geen score", ": no score yet"))),
                         .ul(.forEach(row.scores) { score in
                             .li(.strong(.text("\(score.score)")), .text(" — \(score.assessorName) (\(score.scoredOn)): \(score.rationale)"))
                         }))
            })
        }
    }
}
