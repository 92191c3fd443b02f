import Analysis
import Foundation
import Vapor

/// A cluster as the form or the API gives it; `validated` checks every field.
struct ClusterInput: Content, Sendable, Equatable {
    var key: String?
    var nameNL: String?
    var nameEN: String?
    var growthCluster: String?
    /// SBI prefixes separated by spaces, commas or semicolons (`62 63 47.91`, or a section letter).
    var sbiPrefixes: String?
    /// Organisations added to the cluster, and excluded from it (ids).
    var membersAdded: TextList?
    var membersExcluded: TextList?

    enum CodingKeys: String, CodingKey {
        case key
        case nameNL = "name_nl", nameEN = "name_en", growthCluster = "growth_cluster", sbiPrefixes = "sbi_prefixes"
        case membersAdded = "members_added", membersExcluded = "members_excluded"
    }

    struct Values: Sendable, Equatable {
        var key: String
        var nameNL: String
        var nameEN: String
        var isGrowthCluster: Bool
        var sbiPrefixes: [String]
        var added: [UUID]
        var excluded: [UUID]
    }

    init(key: String? = nil, nameNL: String? = nil, nameEN: String? = nil, growthCluster: String? = nil, sbiPrefixes: String? = nil,
         membersAdded: TextList? = nil, membersExcluded: TextList? = nil) {
        (self.key, self.nameNL, self.nameEN, self.growthCluster, self.sbiPrefixes) = (key, nameNL, nameEN, growthCluster, sbiPrefixes)
        (self.membersAdded, self.membersExcluded) = (membersAdded, membersExcluded)
    }

    /// From a form (text) or the API (`growth_cluster` true or false, `sbi_prefixes` a list or a text).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        nameNL = try container.decodeIfPresent(String.self, forKey: .nameNL)
        nameEN = try container.decodeIfPresent(String.self, forKey: .nameEN)
        if let flag = try? container.decodeIfPresent(Bool.self, forKey: .growthCluster) {
            growthCluster = String(flag)
        } else {
            growthCluster = try container.decodeIfPresent(String.self, forKey: .growthCluster)
        }
        if let list = try? container.decodeIfPresent([String].self, forKey: .sbiPrefixes) {
            sbiPrefixes = list.joined(separator: " ")
        } else {
            sbiPrefixes = try container.decodeIfPresent(String.self, forKey: .sbiPrefixes)
        }
        membersAdded = try container.decodeIfPresent(TextList.self, forKey: .membersAdded)
        membersExcluded = try container.decodeIfPresent(TextList.self, forKey: .membersExcluded)
    }

    init(_ cluster: Cluster, added: [UUID], excluded: [UUID]) {
        self.init(key: cluster.key, nameNL: cluster.nameNL, nameEN: cluster.nameEN, growthCluster: String(cluster.isGrowthCluster),
                  sbiPrefixes: cluster.sbiPrefixes, membersAdded: TextList(added.map(\.uuidString)), membersExcluded: TextList(excluded.map(\.uuidString)))
    }

    /// The words of the area's own addresses (`/groeiclusters/nieuw`, ...): no cluster's key.
    /// `growth` stands for every growth cluster in an indicator's parameters.
    static let reservedKeys: Set<String> = ["nieuw", "activiteiten", "samenwerkingen", "netwerk", "bewerken", "verwijderen", Indicator.growthClusters]

    /// `sbiCodes`: the SBI codes that exist (a prefix must cover at least one).
    func validated(sbiCodes: [String]) throws -> Values {
        var check = FieldCheck()
        var key = check.required("key", key?.lowercased(), maxLength: 40)
        if let text = key, text.count < 2 || !text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) || text.hasPrefix("-") || text.hasSuffix("-") {
            check.report("key", localized("'\(text)' kan niet: gebruik kleine letters, cijfers en streepjes (bijv. ict-ecommerce)",
                                          "'\(text)' cannot be used: use lower-case letters, digits and hyphens (e.g. ict-ecommerce)"))
            key = nil
        } else if let text = key, Self.reservedKeys.contains(text) {
            check.report("key", localized("'\(text)' is al een adres onder /groeiclusters; kies een andere sleutel", "'\(text)' is already an address under /groeiclusters; choose another key"))
            key = nil
        }
        var isGrowthCluster: Bool? = false
        switch growthCluster?.lowercased() {
        case nil, "", "false", "off": break
        case "true", "on": isGrowthCluster = true
        case let other?:
            check.report("growth_cluster", localized("'\(other.prefix(20))' kan niet; true of false", "'\(other.prefix(20))' is not allowed; true or false"))
            isGrowthCluster = nil
        }
        let nameNL = check.required("name_nl", nameNL, maxLength: 80)
        let nameEN = check.required("name_en", nameEN, maxLength: 80)
        var prefixes: [String] = []
        let words = (sbiPrefixes ?? "").split(whereSeparator: { " ,;\n\r\t".contains($0) }).map(String.init)
        if words.isEmpty && (membersAdded?.items ?? []).isEmpty {
            check.report("sbi_prefixes", localized("noem minstens één SBI-code of voeg een organisatie toe", "name at least one SBI code or add an organisation"))
        }
        for word in words {
            let prefix = word.count == 1 && word.first!.isLetter ? word.uppercased() : SBI.dotted(word.filter(\.isNumber))
            let digits = prefix.filter(\.isNumber)
            let isSection = prefix.count == 1 && SBI.sections.contains(prefix)
            let known = isSection || ((2...5).contains(digits.count) && digits.count == word.filter(\.isNumber).count
                && word.allSatisfy { $0.isNumber || $0 == "." } && sbiCodes.contains { SBI.code($0, isUnder: prefix) })
            if !known {
                check.report("sbi_prefixes", localized("'\(word.prefix(20))' is geen SBI-sectie of -code (2 tot 5 cijfers) die bestaat",
                                                       "'\(word.prefix(20))' is not an existing SBI section or code (2 to 5 digits)"))
            } else if !prefixes.contains(prefix) {
                prefixes.append(prefix)
            }
        }
        let ids = { (field: String, list: TextList?) -> [UUID] in
            (list?.items ?? []).compactMap { text in
                guard let id = UUID(uuidString: text) else {
                    check.report(field, localized("'\(text.prefix(40))' is geen organisatie", "'\(text.prefix(40))' is not an organisation"))
                    return nil
                }
                return id
            }
        }
        let added = Array(Set(ids("members_added", membersAdded))), excluded = Array(Set(ids("members_excluded", membersExcluded)))
        if !Set(added).isDisjoint(with: excluded) {
            check.report("members_excluded", localized("een organisatie kan niet tegelijk toegevoegd en uitgesloten zijn",
                                                       "an organisation cannot be both added and excluded"))
        }
        try check.throwIfAny()
        return Values(key: key!, nameNL: nameNL!, nameEN: nameEN!, isGrowthCluster: isGrowthCluster!,
                      sbiPrefixes: prefixes, added: added.sorted { $0.uuidString < $1.uuidString }, excluded: excluded.sorted { $0.uuidString < $1.uuidString })
    }
}
