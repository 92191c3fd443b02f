import Fluent
import Foundation

/// The two choices of the robustness test: Hurwicz's optimism weight (0 = only the worst case
/// counts, 1 = only the best; 0.5 by default) and the satisficing threshold on the score scale
/// (6 by default). Kept as settings; every change is audited.
struct FuturesSettings: Sendable, Equatable {
    var optimism: Double
    var threshold: Double

    static let standard = FuturesSettings(optimism: 0.5, threshold: 6)

    static func current(on database: Database) async throws -> FuturesSettings {
        var settings = standard
        if let text = try await Setting.value(.futuresOptimism, on: database), let value = Double(text), (0...1).contains(value) { settings.optimism = value }
        if let text = try await Setting.value(.futuresThreshold, on: database), let value = Double(text), value.isFinite { settings.threshold = value }
        return settings
    }

    /// Checks the texts of a form, the API or the URL (`optimism`, `threshold`); an empty text
    /// keeps `base`'s value.
    static func checked(optimism: String?, threshold: String?, base: FuturesSettings) throws -> FuturesSettings {
        var check = FieldCheck()
        var result = base
        if let value = check.decimal("optimism", optimism) {
            if (0...1).contains(value) { result.optimism = value } else {
                check.report("optimism", localized("de optimisme-weging ligt tussen 0 en 1, niet \(Format.plain(value))",
                                                   "the optimism weight lies between 0 and 1, not \(Format.plain(value))"))
            }
        }
        if let value = check.decimal("threshold", threshold) {
            let scale = RobustnessMatrix.scale
            if value >= Double(scale.lowerBound), value <= Double(scale.upperBound) { result.threshold = value } else {
                check.report("threshold", localized("de drempel ligt op de schaal \(RobustnessMatrix.scaleText), niet \(Format.plain(value))",
                                                    "the threshold lies on the scale \(RobustnessMatrix.scaleText), not \(Format.plain(value))"))
            }
        }
        try check.throwIfAny()
        return result
    }

    func save(by actor: Audit.Actor, on database: Database) async throws {
        let old = try await Self.current(on: database)
        try await database.transaction { database in
            try await Setting.set(.futuresOptimism, Format.plain(optimism), on: database)
            try await Setting.set(.futuresThreshold, Format.plain(threshold), on: database)
            try await Audit.record(.update, .setting, id: Setting.Key.futuresOptimism.rawValue, changes: [
                .value("optimism", old: Format.plain(old.optimism), new: Format.plain(optimism)),
                .value("threshold", old: Format.plain(old.threshold), new: Format.plain(threshold)),
            ], by: actor, on: database)
        }
    }
}
