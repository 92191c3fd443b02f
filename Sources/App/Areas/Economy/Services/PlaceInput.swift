import Analysis
import Foundation
import Vapor

/// A place as the form gives it; `validated` checks every field.
struct PlaceInput: Content, Sendable, Equatable {
    var key: String?
    var name: String?
    /// Postcode areas separated by spaces or commas: `8011 8017` or `8011AB`.
    var postcodes: String?
    var note: String?

    init(key: String? = nil, name: String? = nil, postcodes: String? = nil, note: String? = nil) {
        (self.key, self.name, self.postcodes, self.note) = (key, name, postcodes, note)
    }

    init(_ place: Place) {
        self.init(key: place.key, name: place.name, postcodes: place.areas.sorted().joined(separator: " "), note: place.note)
    }

    struct Values: Sendable, Equatable {
        var key: String
        var name: String
        var postcodes: [String]
        var note: String?
    }

    /// The words of the places' own addresses: no place's key.
    static let reservedKeys: Set<String> = ["nieuw", "bewerken", "verwijderen"]

    /// `areas`: the municipality's four-digit postcode areas (a place must lie within it);
    /// `taken`: the keys of the other places.
    func validated(areas: Set<String>, municipalityName: String, taken: Set<String>) throws -> Values {
        var check = FieldCheck()
        var key = check.required("key", key?.lowercased(), maxLength: 40)
        if let text = key, text.count < 2 || !text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) || text.hasPrefix("-") || text.hasSuffix("-") {
            check.report("key", localized("'\(text)' kan niet: gebruik kleine letters, cijfers en streepjes (bijv. spoorzone)",
                                          "'\(text)' cannot be used: use lower-case letters, digits and hyphens (e.g. spoorzone)"))
            key = nil
        } else if let text = key, Self.reservedKeys.contains(text) || taken.contains(text) {
            check.report("key", localized("'\(text)' is al in gebruik; kies een andere sleutel", "'\(text)' is already in use; choose another key"))
            key = nil
        }
        let name = check.required("name", name, maxLength: 120)
        var codes: [String] = []
        let parts = (postcodes ?? "").uppercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\n" }).map(String.init)
        if parts.isEmpty { check.report("postcodes", localized("is verplicht: geef een of meer postcodegebieden", "is required: give one or more postcode areas")) }
        for part in parts.prefix(500) {
            let isArea = part.count == 4 && part.allSatisfy { $0.isASCII && $0.isNumber }
            let isFull = part.count == 6 && part.prefix(4).allSatisfy { $0.isASCII && $0.isNumber } && part.suffix(2).allSatisfy { $0.isASCII && $0.isLetter }
            guard isArea || isFull else {
                check.report("postcodes", localized("'\(part.prefix(20))' is geen postcodegebied: geef vier cijfers (8011) of een volledige postcode (8011AB)",
                                                    "'\(part.prefix(20))' is not a postcode area: give four digits (8011) or a full postcode (8011AB)"))
                continue
            }
            guard areas.contains(String(part.prefix(4))) else {
                check.report("postcodes", localized("\(part) ligt niet in \(municipalityName) (postcodegebieden \(areas.sorted().first ?? "")-\(areas.sorted().last ?? ""))",
                                                    "\(part) is not in \(municipalityName) (postcode areas \(areas.sorted().first ?? "")-\(areas.sorted().last ?? ""))"))
                continue
            }
            if !codes.contains(part) { codes.append(part) }
        }
        if parts.count > 500 { check.report("postcodes", localized("meer dan 500 postcodes", "more than 500 postcodes")) }
        let note = check.optional("note", note, maxLength: 1000)
        try check.throwIfAny()
        return Values(key: key!, name: name!, postcodes: codes.sorted(), note: note)
    }
}
