import Foundation

/// The five criteria the strategy chooses projects on (Economisch Perspectief, section 8.2;
/// ../shared/reference/zwolle-strategy.json `project_criteria`). Each assessor scores a project on
/// each criterion on `scale`; more is better on every one.
enum Criterion: String, CaseIterable, Codable, Sendable {
    case impact, vliegwiel, businesscase, eigenaarschap, samenwerking

    /// 1 (weak) to 5 (strong).
    static let scale = 1...5

    var name: String {
        switch self {
        case .impact: "Impact"
        case .vliegwiel: localized("Vliegwiel", "Vliegwiel (leverage)")
        case .businesscase: localized("Businesscase", "Business case")
        case .eigenaarschap: localized("Eigenaarschap", "Ownership")
        case .samenwerking: localized("Samenwerking", "Collaboration")
        }
    }

    /// What a high score means, in the strategy's words.
    var meaning: String {
        switch self {
        case .impact: localized("aanzienlijke impact op de (nieuwe) economie van de stad en haar economisch profiel",
                                "substantial impact on the city's (new) economy and its economic profile")
        case .vliegwiel: localized("werkt als hefboom voor andere waardevolle projecten", "acts as leverage for other valuable projects")
        case .businesscase: localized("binnen afzienbare tijd en een realistisch budget haalbaar, met een goede businesscase",
                                      "feasible within a foreseeable time and a realistic budget, with a sound business case")
        case .eigenaarschap: localized("heeft een duidelijke trekker die het mogelijk maakt", "has a clear lead who makes it happen")
        case .samenwerking: localized("bevordert samenwerking tussen overheid, bedrijfsleven en onderwijs en tussen ondernemers",
                                      "furthers collaboration between government, business and education, and between entrepreneurs")
        }
    }

    static func find(_ text: String) -> Criterion? {
        Criterion(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The scale as the form and the errors state it.
    static var scaleText: String {
        localized("\(scale.lowerBound) (zwak) tot \(scale.upperBound) (sterk)", "\(scale.lowerBound) (weak) to \(scale.upperBound) (strong)")
    }
}
