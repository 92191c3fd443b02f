import Analysis
import Fluent
import Foundation
import Vapor

/// A signpost as a form or the API sends it: the indicator with its parameters (`name=value;...`,
/// or an object in the API), the scenario or option it watches (`scenario` or `option`, by key),
/// the direction, the trigger and an optional early warning.
struct SignpostInput: Content, Sendable, Equatable {
    var name: String?
    var indicator: String?
    var parameters: String?
    var scenario: String?
    var option: String?
    var direction: String?
    var trigger: String?
    var warning: String?
    var notes: String?

    enum CodingKeys: String, CodingKey { case name, indicator, parameters, scenario, option, direction, trigger, warning, notes }

    init(name: String? = nil, indicator: String? = nil, parameters: String? = nil, scenario: String? = nil, option: String? = nil,
         direction: String? = nil, trigger: String? = nil, warning: String? = nil, notes: String? = nil) {
        (self.name, self.indicator, self.parameters, self.scenario, self.option) = (name, indicator, parameters, scenario, option)
        (self.direction, self.trigger, self.warning, self.notes) = (direction, trigger, warning, notes)
    }

    init(_ signpost: Signpost) {
        let item = signpost.$item.value
        self.init(name: signpost.name, indicator: signpost.indicator, parameters: signpost.parameters,
                  scenario: item?.kind == .scenario ? item?.key : nil, option: item?.kind == .option ? item?.key : nil,
                  direction: signpost.direction.rawValue, trigger: Format.plain(signpost.trigger), warning: signpost.warning.map(Format.plain), notes: signpost.notes)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = container.text
        (name, indicator, scenario, option, direction) = (try text(.name), try text(.indicator), try text(.scenario), try text(.option), try text(.direction))
        (trigger, warning, notes) = (try text(.trigger), try text(.warning), try text(.notes))
        if let object = try? container.decodeIfPresent([String: String].self, forKey: .parameters) {
            parameters = object.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        } else {
            parameters = try text(.parameters)
        }
    }

    struct Values: Sendable {
        var name: String
        var indicator: Indicator
        var parameters: [Indicator.Parameter: String]
        var item: FuturesItem
        var direction: SignpostReading.Direction
        var trigger: Double
        var warning: Double?
        var notes: String?
    }

    /// The words a direction may be given in.
    static func direction(_ text: String) -> SignpostReading.Direction? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "rising", "rises", "above", "up", "increase", "stijgend", "boven": .rising
        case "falling", "falls", "below", "down", "decrease", "dalend", "onder": .falling
        default: nil
        }
    }

    /// Every field checked; the trigger against the indicator's current value: a signpost whose
    /// value has already passed its trigger when it is made watches the wrong way.
    func validated(catalogue: IndicatorCatalogue, existing: Signpost? = nil) async throws -> Values {
        var check = FieldCheck()
        let database = catalogue.database
        let name = check.required("name", self.name, maxLength: 120)
        let binding = try await IndicatorCatalogue.binding(indicator: indicator, parameters: parameters, config: catalogue.config, check: &check, on: database)
        if binding?.parameters[.year] != nil {
            check.report("parameters", localized("een signaal volgt de nieuwste gegevens: laat year weg", "a signpost follows the latest data: leave out year"))
        }
        var item: FuturesItem?
        switch (check.optional("scenario", scenario, maxLength: 60), check.optional("option", option, maxLength: 60)) {
        case (let key?, nil): item = await found(.scenario, key, field: "scenario", check: &check, on: database)
        case (nil, let key?): item = await found(.option, key, field: "option", check: &check, on: database)
        case (nil, nil): check.report("scenario", localized("kies het scenario of de beleidsoptie die dit signaal bewaakt", "choose the scenario or policy option this signpost watches"))
        default: check.report("scenario", localized("een signaal hoort bij één scenario óf één beleidsoptie", "a signpost belongs to one scenario or one policy option"))
        }
        var direction: SignpostReading.Direction?
        if let text = check.required("direction", self.direction, maxLength: 20) {
            direction = Self.direction(text)
            if direction == nil { check.report("direction", localized("'\(text)' kan niet; kies rising (stijgend) of falling (dalend)", "'\(text)' is not allowed; choose rising or falling")) }
        }
        let trigger = check.decimal("trigger", self.trigger, required: true)
        let warning = check.decimal("warning", self.warning)
        if let trigger, let direction, !SignpostReading.warningFits(warning, trigger: trigger, direction: direction) {
            check.report("warning", direction == .rising
                ? localized("de vroege waarschuwing komt vóór de drempel: bij een stijgend signaal lager dan \(Format.figure(trigger))",
                            "the early warning comes before the trigger: for a rising signpost below \(Format.figure(trigger))")
                : localized("de vroege waarschuwing komt vóór de drempel: bij een dalend signaal hoger dan \(Format.figure(trigger))",
                            "the early warning comes before the trigger: for a falling signpost above \(Format.figure(trigger))"))
        }
        let notes = check.optional("notes", self.notes, maxLength: 2000)
        let unchanged = existing.map { old in
            binding.map { $0.indicator.id.rawValue == old.indicator && Goal.text(of: $0.parameters) == old.parameters } == true
                && old.direction == direction && old.trigger == trigger
        } ?? false
        if !unchanged, let binding, let trigger, let direction, check.problems.isEmpty,
           let current = try? await catalogue.value(of: binding.indicator, parameters: binding.parameters),
           SignpostReading(times: [0], values: [current.value], direction: direction, trigger: trigger).status == .triggered {
            check.report("trigger", direction == .rising
                ? localized("de waarde is nu al \(Format.figure(current.value)) (\(current.asOf)), op of boven de drempel \(Format.figure(trigger)): een stijgend signaal heeft zijn drempel boven de huidige waarde. Bedoelt u dalend?",
                            "the value is already \(Format.figure(current.value)) (\(current.asOf)), at or above the trigger \(Format.figure(trigger)): a rising signpost has its trigger above the current value. Did you mean falling?")
                : localized("de waarde is nu al \(Format.figure(current.value)) (\(current.asOf)), op of onder de drempel \(Format.figure(trigger)): een dalend signaal heeft zijn drempel onder de huidige waarde. Bedoelt u stijgend?",
                            "the value is already \(Format.figure(current.value)) (\(current.asOf)), at or below the trigger \(Format.figure(trigger)): a falling signpost has its trigger below the current value. Did you mean rising?"))
        }
        try check.throwIfAny()
        return Values(name: name!, indicator: binding!.indicator, parameters: binding!.parameters, item: item!, direction: direction!, trigger: trigger!,
                      warning: warning, notes: notes)
    }

    private func found(_ kind: FuturesItem.Kind, _ key: String, field: String, check: inout FieldCheck, on database: Database) async -> FuturesItem? {
        guard let item = try? await FuturesService.find(kind, key: key, on: database) else {
            let known = (try? await FuturesService.items(kind, on: database).map(\.key).joined(separator: ", ")) ?? ""
            check.report(field, kind == .scenario ? localized("'\(key)' is geen scenario; kies \(known)", "'\(key)' is not a scenario; pick \(known)")
                                                  : localized("'\(key)' is geen beleidsoptie; kies \(known)", "'\(key)' is not a policy option; pick \(known)"))
            return nil
        }
        return item
    }
}
