import Foundation
import Markup

extension ScoreForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = localized("Beoordelen: \(model.project.name)", "Score: \(model.project.name)")
            let scale = [("", "–")] + Criterion.scale.map { (String($0), String($0)) }
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .projectScores, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.project.path(model.project.id)), .text("← " + model.project.name))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Geef per criterium een score van \(Criterion.scaleText) met een korte motivering. Een criterium op '–' heeft (nog) geen score van deze beoordelaar.",
                    "Give each criterion a score from \(Criterion.scaleText) with a short reason. A criterion left at '–' has no score from this assessor (yet)."))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.projectScores.path(model.project.id)),
                      .label(.for("beoordelaar"), .text(localized("Beoordelaar", "Assessor"))),
                      Forms.select(id: "beoordelaar", name: "beoordelaar", options: model.assessors, selected: input.assessor),
                      .button(.type(.submit), .text(localized("Kies", "Choose")))),
                Forms.post(SiteURL.projectScores.path(model.project.id), csrf: viewer.csrfToken, problems: problems,
                    // The assessor is the one chosen above (with their scores loaded), so that one assessor's scores are never saved as another's.
                    .input(.type(.hidden), .name("assessor"), .value(input.assessor ?? "")),
                    .p(.strong(.text(localized("Scores van ", "Scores by ") + (model.assessors.first { $0.value == input.assessor }?.label ?? "–")))),
                    Forms.errorNode("assessor", problems),
                    .forEach(Criterion.allCases) { criterion in
                        .fieldset(.class("field"),
                                  .element(named: "legend", nodes: [.text(criterion.name)]),
                                  .p(.class("hint"), .text(criterion.meaning)),
                                  Forms.choice(localized("Score", "Score"), "score_\(criterion.rawValue)", options: Array(scale.dropFirst()),
                                               selected: input.scores[criterion], problems: problems),
                                  Forms.textArea(localized("Motivering", "Reason"), "rationale_\(criterion.rawValue)", value: input.rationales[criterion], problems: problems))
                    },
                    .button(.type(.submit), .text(localized("Scores opslaan", "Save scores"))))
            ))
        }
    }
}
