import Fluent
import Foundation
import Vapor

/// Programma > a project scored by one assessor: per criterion a score on the scale and the reason.
enum ScoreForm {
    /// What the form sends: the assessor (`user:<id>` or `person:<id>`), and per criterion
    /// `score_<criterion>` and `rationale_<criterion>`.
    struct Input: Content, Sendable, Equatable {
        var assessor: String?
        var scores: [Criterion: String] = [:]
        var rationales: [Criterion: String] = [:]

        init(assessor: String? = nil) { self.assessor = assessor }

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            assessor = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "assessor"))
            for criterion in Criterion.allCases {
                scores[criterion] = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "score_\(criterion.rawValue)"))
                rationales[criterion] = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "rationale_\(criterion.rawValue)"))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(assessor, forKey: Key(stringValue: "assessor"))
            for criterion in Criterion.allCases {
                try container.encodeIfPresent(scores[criterion], forKey: Key(stringValue: "score_\(criterion.rawValue)"))
                try container.encodeIfPresent(rationales[criterion], forKey: Key(stringValue: "rationale_\(criterion.rawValue)"))
            }
        }

        /// The assessor and the scores given (a criterion left at "–" has none), each checked.
        func validated(assessors: Set<String>) throws -> (Assessor, [ScoreInput.Values]) {
            var check = FieldCheck()
            var assessor: Assessor?
            if let key = check.required("assessor", self.assessor, maxLength: 60) {
                assessor = assessors.contains(key) ? Assessor(key: key) : nil
                if assessor == nil { check.report("assessor", localized("kies een beoordelaar uit de lijst", "choose an assessor from the list")) }
            }
            var values: [ScoreInput.Values] = []
            for criterion in Criterion.allCases {
                let score = check.optional("score_\(criterion.rawValue)", scores[criterion], maxLength: 10)
                let rationale = check.optional("rationale_\(criterion.rawValue)", rationales[criterion], maxLength: 2000)
                guard let score else {
                    if rationale != nil {
                        check.report("score_\(criterion.rawValue)", localized("geef een score bij de motivering", "give a score with the reason"))
                    }
                    continue
                }
                guard let number = Int(score), Criterion.scale.contains(number) else {
                    check.report("score_\(criterion.rawValue)", localized("'\(score)' ligt niet op de schaal \(Criterion.scaleText)", "'\(score)' is not on the scale \(Criterion.scaleText)"))
                    continue
                }
                guard let rationale else {
                    check.report("rationale_\(criterion.rawValue)", localized("een score heeft een motivering nodig", "a score needs a reason"))
                    continue
                }
                if let assessor { values.append(ScoreInput.Values(criterion: criterion, score: number, rationale: rationale, assessor: assessor)) }
            }
            if values.isEmpty, check.problems.isEmpty {
                check.report("score_impact", localized("geef minstens één score", "give at least one score"))
            }
            try check.throwIfAny()
            return (assessor!, values)
        }
    }

    struct Model: Sendable {
        let project: Named
        /// Who may score: the advisers and administrators (users), and the driver team's members (people).
        let assessors: [(value: String, label: String)]
        let input: Input
        let problems: [FieldProblem]
    }

    /// The form for `assessor`, filled with that assessor's scores so far.
    static func query(_ project: Project, assessor: String?, me: UUID?, input: Input?, problems: [FieldProblem], on database: Database) async throws -> Model {
        let assessors = try await Assessor.choices(me: me, on: database)
        var form = input ?? Input(assessor: assessor ?? assessors.first?.value)
        if input == nil, let key = form.assessor {
            for score in try await ProgrammeScores.load(projects: [try project.requireID()], on: database).scores[try project.requireID()] ?? [] where score.assessorKey == key {
                form.scores[score.criterion] = String(score.score)
                form.rationales[score.criterion] = score.rationale
            }
        }
        return Model(project: Named(id: try project.requireID(), name: project.name), assessors: assessors, input: form, problems: problems)
    }
}
