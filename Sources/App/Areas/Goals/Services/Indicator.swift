import Foundation

/// An indicator of the catalogue: what a goal, a signpost or the council report can measure. Its
/// value is computed in one place (`IndicatorCatalogue`) from the register, the clusters and the
/// relations register, with the records behind it (its evidence).
struct Indicator: Sendable, Equatable {
    enum ID: String, CaseIterable, Sendable {
        case jobs, establishments, jobsPer1000 = "jobs_per_1000", clusterJobs = "cluster_jobs", fastGrowers = "fast_growers", gazelles
        case activeInvolvement = "active_involvement", universityCollaboration = "university_collaboration"
        case landedAcquisitions = "landed_acquisitions", visitCoverage = "visit_coverage"
        case sectionJobs = "section_jobs", jobsGrowth = "jobs_growth", locationQuotient = "location_quotient", largeEnterpriseShare = "large_enterprise_share"
        case openQuestions = "open_questions", questionHandlingDays = "question_handling_days", manual
    }

    /// What an indicator can be asked for.
    enum Parameter: String, Sendable, CaseIterable {
        /// A municipality (`GM0193`) or the region's key; the home municipality when not given.
        case area
        /// A cluster's key, or `growth` for the growth clusters together (an organisation or
        /// enterprise in more than one counts once).
        case cluster
        /// A register year; the latest when not given.
        case year
        /// For fast growers and gazelles: `oecd` (more than 20 % a year) or `eu2014` (more than 10 %).
        case definition
        /// For landed acquisitions: counted from this day.
        case since
        /// An SBI section's letter (A-U).
        case section
        /// For growth: the register year it is counted from (ten years before `year` when not given,
        /// or the first year with data).
        case from
        /// For a manual indicator: the series' key.
        case series
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
        Indicator(id: .sectionJobs, nameNL: "Banen in een sector", nameEN: "Jobs in a section", unitNL: "banen", unitEN: "jobs",
                  parameters: [.area, .section, .year], required: [.section]),
        Indicator(id: .jobsGrowth, nameNL: "Groei van de banen", nameEN: "Growth of jobs", unitNL: "%", unitEN: "%",
                  parameters: [.area, .section, .cluster, .from, .year], required: []),
        Indicator(id: .locationQuotient, nameNL: "Locatiequotiënt", nameEN: "Location quotient", unitNL: "(1 = als in Nederland)", unitEN: "(1 = as in the Netherlands)",
                  parameters: [.area, .section, .cluster, .year], required: []),
        Indicator(id: .largeEnterpriseShare, nameNL: "Aandeel banen in ondernemingen van 250+", nameEN: "Share of jobs in enterprises of 250+",
                  unitNL: "% van de banen", unitEN: "% of jobs", parameters: [.area, .year], required: []),
        Indicator(id: .openQuestions, nameNL: "Openstaande vragen", nameEN: "Open questions", unitNL: "vragen", unitEN: "questions", parameters: [], required: []),
        Indicator(id: .questionHandlingDays, nameNL: "Mediane tijd tot antwoord", nameEN: "Median time to an answer", unitNL: "dagen", unitEN: "days",
                  parameters: [], required: []),
        Indicator(id: .manual, nameNL: "Handmatige indicator", nameEN: "Manual indicator", unitNL: "", unitEN: "", parameters: [.series], required: [.series]),
    ]

    /// How the value is counted, as the goal page and docs/methods.md state it.
    var definition: String {
        switch id {
        case .jobs: localized("Alle banen (voltijd plus deeltijd) van de vestigingen in het gebied in het registerjaar.",
                              "All jobs (full-time plus part-time) of the establishments in the area in the register year.")
        case .establishments: localized("Het aantal vestigingen in het gebied in het registerjaar.", "The number of establishments in the area in the register year.")
        case .jobsPer1000: localized("Banen in het gebied gedeeld door de inwoners van hetzelfde jaar, maal 1.000.",
                                     "Jobs in the area divided by the inhabitants of the same year, times 1,000.")
        case .clusterJobs: localized("Banen van de vestigingen in het cluster: SBI-code onder een van de codes van het cluster, of met de hand toegevoegd, en niet uitgesloten.",
                                     "Jobs of the establishments in the cluster: SBI code under one of the cluster's codes, or added by hand, and not excluded.")
        case .fastGrowers: localized("Ondernemingen met minstens 10 banen aan het begin die drie jaar op rij gemiddeld meer dan 20 % per jaar groeiden (OECD; eu2014: meer dan 10 %), over de drie jaar tot en met het registerjaar. De beginwaarde 20 in 2018 is de OECD-telling over 2015-2018.",
                                     "Enterprises with at least 10 jobs at the start that grew more than 20 % a year on average over three years (OECD; eu2014: more than 10 %), over the three years up to the register year. The baseline 20 in 2018 is the OECD count for 2015-2018.")
        case .gazelles: localized("Snelle groeiers die hooguit vijf jaar oud zijn aan het eind van de periode.", "Fast growers at most five years old at the end of the period.")
        case .activeInvolvement: localized("Actief betrokken: een organisatie (bedrijf of onderwijsinstelling) met een clusteractiviteit van een meetellende soort in de laatste 12 maanden (venster en soorten zijn instellingen van Relaties); elke organisatie telt één keer.",
                                           "Actively involved: an organisation (company or education institution) with a cluster engagement of a kind that counts in the last 12 months (window and kinds are settings of Relations); each organisation counts once.")
        case .universityCollaboration: localized("Actieve samenwerking met hoger onderwijs: een universiteit (wo) of hogeschool (hbo) die actief betrokken is bij het cluster, dus met een meetellende clusteractiviteit in de laatste 12 maanden.",
                                                 "Active collaboration with university education: a university (wo) or university of applied sciences (hbo) actively involved in the cluster, that is with an engagement that counts in the last 12 months.")
        case .landedAcquisitions: localized("Acquisities in de fase 'geland' met een besluitdatum vanaf de startdatum, van buiten de regio (de gemeente van herkomst hoort niet bij de regio) en in een groeicluster (het cluster van de acquisitie).",
                                            "Acquisitions in the stage 'landed' with a decision date from the start date, from outside the region (the municipality of origin is not one of the region's) and in a growth cluster (the acquisition's cluster).")
        case .sectionJobs: localized("Banen van de vestigingen in het gebied waarvan de SBI-code in de sectie valt.", "Jobs of the establishments in the area whose SBI code falls in the section.")
        case .jobsGrowth: localized("De verandering van de banen (in het gebied, de sectie of het cluster) van het beginjaar tot het registerjaar, in procenten van het beginjaar.",
                                    "The change in jobs (in the area, section or cluster) from the start year to the register year, as a percentage of the start year.")
        case .locationQuotient: localized("Het aandeel van de sectie of het cluster in de banen van het gebied, gedeeld door het aandeel in Nederland (landelijke banen per sectie, voor een cluster per afdeling).",
                                          "The section's or cluster's share of the area's jobs, divided by its share in the Netherlands (national jobs per section, for a cluster per division).")
        case .largeEnterpriseShare: localized("Het aandeel van de banen in ondernemingen (KvK-nummer, alle vestigingen samen) met 250 of meer banen.",
                                              "The share of jobs in enterprises (KvK number, all establishments together) with 250 or more jobs.")
        case .openQuestions: localized("Vragen van ondernemers die op de dag ontvangen en nog niet beantwoord of afgesloten zijn.",
                                       "Questions from entrepreneurs received by the day and not yet answered or closed.")
        case .questionHandlingDays: localized("De mediaan van de dagen van ontvangst tot het eerste antwoord, over de vragen die op de dag beantwoord zijn (zoals op de pagina Vragen).",
                                              "The median of the days from receipt to the first answer, over the questions answered by the day (as on the Questions page).")
        case .manual: localized("Met de hand ingevoerde waarden met datum en bron: de laatste waarde tot en met de dag.",
                                "Values entered by hand with a date and a source: the latest value up to the day.")
        case .visitCoverage: localized("Het aandeel van de banen in het cluster bij ondernemingen die in de laatste \(ClusterOverview.visitMonths) maanden een contactmoment hadden.",
                                       "The share of the cluster's jobs at enterprises that had a contact moment in the last \(ClusterOverview.visitMonths) months.")
        }
    }

    /// The `cluster` parameter's value for every growth cluster together.
    static let growthClusters = "growth"
    /// The indicators that can take the growth clusters together (the others measure one cluster).
    static let acceptsGrowthClusters: Set<ID> = [.fastGrowers, .gazelles, .activeInvolvement, .universityCollaboration, .landedAcquisitions]

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
