import Foundation

/// An indicator of the catalogue: what a goal, a signpost or the council report can measure. Its
/// value is computed in one place (`IndicatorCatalogue`) from the register, the clusters and the
/// relations register, with the records behind it (its evidence).
struct Indicator: Sendable, Equatable {
    enum ID: String, CaseIterable, Sendable {
        case jobs, establishments, jobsPer1000 = "jobs_per_1000", clusterJobs = "cluster_jobs", fastGrowers = "fast_growers", gazelles
        case activeInvolvement = "active_involvement", universityCollaboration = "university_collaboration"
        case landedAcquisitions = "landed_acquisitions", visitCoverage = "visit_coverage"
    }

    /// What an indicator can be asked for.
    enum Parameter: String, Sendable, CaseIterable {
        /// A municipality (`GM0193`) or the region's key; the home municipality when not given.
        case area
        /// A cluster's key.
        case cluster
        /// A register year; the latest when not given.
        case year
        /// For fast growers and gazelles: `oecd` (more than 20 % a year) or `eu2014` (more than 10 %).
        case definition
        /// For landed acquisitions: counted from this day.
        case since
    }

    let id: ID
    let nameNL: String
    let nameEN: String
    /// The unit of the value, as a page writes it after a number.
    let unitNL: String
    let unitEN: String
    let parameters: [Parameter]
    /// Which parameters must be given.
    let required: [Parameter]

    var name: String { localized(nameNL, nameEN) }
    var unit: String { localized(unitNL, unitEN) }

    /// Every indicator, in the order the catalogue lists them.
    static let all: [Indicator] = [
        Indicator(id: .jobs, nameNL: "Banen", nameEN: "Jobs", unitNL: "banen", unitEN: "jobs", parameters: [.area, .year], required: []),
        Indicator(id: .establishments, nameNL: "Vestigingen", nameEN: "Establishments", unitNL: "vestigingen", unitEN: "establishments",
                  parameters: [.area, .year], required: []),
        Indicator(id: .jobsPer1000, nameNL: "Banen per 1.000 inwoners", nameEN: "Jobs per 1,000 inhabitants", unitNL: "banen per 1.000 inwoners",
                  unitEN: "jobs per 1,000 inhabitants", parameters: [.area, .year], required: []),
        Indicator(id: .clusterJobs, nameNL: "Banen in een cluster", nameEN: "Jobs in a cluster", unitNL: "banen", unitEN: "jobs",
                  parameters: [.area, .cluster, .year], required: [.cluster]),
        Indicator(id: .fastGrowers, nameNL: "Snelle groeiers", nameEN: "Fast growers", unitNL: "ondernemingen", unitEN: "enterprises",
                  parameters: [.area, .cluster, .year, .definition], required: []),
        Indicator(id: .gazelles, nameNL: "Gazellen", nameEN: "Gazelles", unitNL: "ondernemingen", unitEN: "enterprises",
                  parameters: [.area, .cluster, .year, .definition], required: []),
        Indicator(id: .activeInvolvement, nameNL: "Actief betrokken organisaties", nameEN: "Actively involved organisations",
                  unitNL: "organisaties", unitEN: "organisations", parameters: [.cluster], required: [.cluster]),
        Indicator(id: .universityCollaboration, nameNL: "Samenwerking met hoger onderwijs", nameEN: "Collaboration with university education",
                  unitNL: "instellingen", unitEN: "institutions", parameters: [.cluster], required: [.cluster]),
        Indicator(id: .landedAcquisitions, nameNL: "Gelande bedrijven van buiten de regio", nameEN: "Companies from outside the region that landed",
                  unitNL: "bedrijven", unitEN: "companies", parameters: [.cluster, .since], required: []),
        Indicator(id: .visitCoverage, nameNL: "Bezochte banen", nameEN: "Jobs visited", unitNL: "% van de banen", unitEN: "% of jobs",
                  parameters: [.area, .cluster, .year], required: [.cluster]),
    ]

    static func find(_ text: String) -> Indicator? {
        all.first { $0.id.rawValue == text.lowercased() }
    }
}

/// An indicator's value: the number, the day or year of the data it comes from, and the records
/// that make it up.
struct IndicatorValue: Sendable, Equatable {
    struct Evidence: Sendable, Equatable {
        /// A KvK number, an organisation's or an acquisition's id.
        let id: String
        let label: String
        /// The page of the record.
        let link: String?
    }

    let value: Double
    /// `2025` for a register year, `2026-12-02` for what Relaties says on a day.
    let asOf: String
    let evidence: [Evidence]
}
