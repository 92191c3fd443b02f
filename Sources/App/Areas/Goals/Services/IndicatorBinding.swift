import Fluent
import Foundation

extension IndicatorCatalogue {
    /// An indicator and its parameters as a form or the API gives them (`name=value;...`), checked
    /// against the catalogue and against the clusters and areas that exist. Problems are reported
    /// under `indicator` and `parameters`; nil when the indicator cannot be used.
    static func binding(indicator: String?, parameters: String?, config: AppConfig, check: inout FieldCheck,
                        on database: Database) async throws -> (indicator: Indicator, parameters: [Indicator.Parameter: String])? {
        guard let text = check.required("indicator", indicator, maxLength: 60) else { return nil }
        guard let indicator = Indicator.find(text) else {
            check.report("indicator", localized("'\(text)' is geen indicator; kies \(Indicator.all.map(\.id.rawValue).joined(separator: ", "))",
                                                "'\(text)' is not an indicator; pick \(Indicator.all.map(\.id.rawValue).joined(separator: ", "))"))
            return nil
        }
        var given: [String: String] = [:]
        for pair in (check.optional("parameters", parameters, maxLength: 400) ?? "").split(separator: ";") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                check.report("parameters", localized("'\(pair.prefix(40))' is geen naam=waarde", "'\(pair.prefix(40))' is not name=value"))
                return nil
            }
            given[parts[0]] = parts[1]
        }
        do {
            return (indicator, try await checked(given, of: indicator, config: config, on: database))
        } catch let invalid as InvalidFields {
            for problem in invalid.problems { check.report("parameters", "\(problem.field): \(problem.reason)") }
        }
        return nil
    }
}
