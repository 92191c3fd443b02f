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
                      .button(.type(.submit), .text(localized("Toon zijn of haar scores", "Show their scores")))),
                Forms.post(SiteURL.projectScores.path(model.project.id), csrf: viewer.csrfToken, problems: problems,
                    Forms.choice(localized("Beoordelaar", "Assessor"), "assessor", options: model.assessors, selected: input.assessor, problems: problems, required: true),
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
