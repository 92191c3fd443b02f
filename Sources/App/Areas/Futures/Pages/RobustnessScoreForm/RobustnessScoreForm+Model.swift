import Fluent
import Foundation
import Vapor

/// Toekomst > scores of one assessor: per policy option and scenario a score on the scale with the
/// reason. Left empty, a cell has no score of this assessor (an existing one is removed).
enum RobustnessScoreForm {
    /// The form's field for a cell: `score__<option>__<scenario>` and `rationale__...`.
    static func field(_ name: String, option: RobustnessMatrix.Item, scenario: RobustnessMatrix.Item) -> String {
        "\(name)__\(option.key)__\(scenario.key)"
    }

    /// What the form sent, as the API's input: every cell of the matrix.
    static func input(_ fields: [String: String], matrix: RobustnessMatrix) -> RobustnessScoresInput {
        var input = RobustnessScoresInput()
        let assessor = fields["assessor"].flatMap { Assessor(key: String($0.prefix(60))) }
        switch assessor {
        case .user(let id)?: input.assessorUser = id.uuidString
        case .person(let id)?: input.assessorPerson = id.uuidString
        case nil: input.assessorUser = fields["assessor"].map { String($0.prefix(60)) } ?? ""
        }
        // A cell the form did not send (an option added since it was loaded) is left alone.
        input.scores = matrix.options.flatMap { option in
            matrix.scenarios.compactMap { scenario in
                fields[field("score", option: option, scenario: scenario)] == nil ? nil : RobustnessScoresInput.Cell(option: option.key, scenario: scenario.key,
                                           score: fields[field("score", option: option, scenario: scenario)].flatMap { $0.isEmpty ? nil : $0 },
                                           rationale: fields[field("rationale", option: option, scenario: scenario)].flatMap { $0.isEmpty ? nil : $0 })
            }
        }
        return input
    }

    struct Model: Sendable {
        let matrix: RobustnessMatrix
        let assessors: [(value: String, label: String)]
        let assessor: String?
        /// The form's fields as sent (or the assessor's stored scores).
        let fields: [String: String]
        let problems: [FieldProblem]
    }

    static func query(assessor: String?, me: UUID?, fields sent: [String: String]?, problems: [FieldProblem], on database: Database) async throws -> Model {
        let matrix = try await RobustnessMatrix.load(on: database)
        let assessors = try await Assessor.choices(me: me, on: database)
        let chosen = sent?["assessor"] ?? (assessors.contains { $0.value == assessor } ? assessor : assessors.first?.value)
        var fields = sent ?? [:]
        if sent == nil, let chosen {
            for score in matrix.scores where score.assessorKey == chosen {
                guard let option = matrix.options.first(where: { $0.id == score.option }), let scenario = matrix.scenarios.first(where: { $0.id == score.scenario }) else { continue }
                fields[field("score", option: option, scenario: scenario)] = String(score.score)
                fields[field("rationale", option: option, scenario: scenario)] = score.rationale
            }
        }
        return Model(matrix: matrix, assessors: assessors, assessor: chosen, fields: fields, problems: problems)
    }
}
