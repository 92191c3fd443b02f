import Foundation
import Markup

extension RobustnessScoreForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Scores voor de robuustheidstoets", "Scores for the robustness test")
            let matrix = model.matrix
            let scale = RobustnessMatrix.scale.map { (value: String($0), label: String($0)) }
            // Problems name the API's fields (`scores[3].score`): shown at the cell they are about.
            var problems: [FieldProblem] = []
            var cells: [(RobustnessMatrix.Item, RobustnessMatrix.Item)] = []
            for option in matrix.options { for scenario in matrix.scenarios { cells.append((option, scenario)) } }
            for problem in model.problems {
                if let index = Self.index(problem.field), index < cells.count {
                    let name = problem.field.hasSuffix(".rationale") ? "rationale" : "score"
                    problems.append(FieldProblem(field: field(name, option: cells[index].0, scenario: cells[index].1), reason: problem.reason))
                } else {
                    problems.append(FieldProblem(field: problem.field.hasPrefix("scores") ? "assessor" : problem.field, reason: problem.reason))
                }
            }
            return Layout.render(Layout.Page(title: title, isDemo: nil, current: .robustnessScores, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized("Hoe goed pakt elke beleidsoptie uit in elk scenario? Schaal \(RobustnessMatrix.scaleText); elke score heeft een motivering. Een lege score haalt de score van deze beoordelaar weg.",
                                                   "How well does each policy option do in each scenario? Scale \(RobustnessMatrix.scaleText); every score needs a reason. An empty score removes this assessor's score."))),
                .form(.class("inline no-print"), .method(.get), .action(SiteURL.robustnessScores.path),
                      Forms.choice(localized("Beoordelaar", "Assessor"), "beoordelaar", options: model.assessors, selected: model.assessor, problems: [], required: true),
                      .button(.type(.submit), .class("secondary"), .text(localized("Kies", "Choose")))),
                Forms.post(SiteURL.robustnessScores.path, csrf: viewer.csrfToken, problems: problems,
                    .input(.type(.hidden), .name("assessor"), .value(model.assessor ?? "")),
                    .forEach(matrix.options) { option in
                        .fieldset(.element(named: "legend", nodes: [.text(option.name)]),
                                  .forEach(matrix.scenarios) { scenario in
                                      .div(.class("score-cell"),
                                           Forms.choice(scenario.name, field("score", option: option, scenario: scenario), options: scale,
                                                        selected: model.fields[field("score", option: option, scenario: scenario)], problems: problems),
                                           Forms.textArea(localized("Motivering", "Reason"), field("rationale", option: option, scenario: scenario),
                                                          value: model.fields[field("rationale", option: option, scenario: scenario)], problems: problems))
                                  })
                    },
                    .button(.type(.submit), .text(localized("Scores opslaan", "Save scores"))))
            ))
        }

        /// `scores[3].score` → 3.
        static func index(_ field: String) -> Int? {
            guard field.hasPrefix("scores["), let end = field.firstIndex(of: "]") else { return nil }
            return Int(field[field.index(field.startIndex, offsetBy: 7)..<end])
        }
    }
}
