import Foundation
import Markup

/// Relaties > Acquisitie: the pipeline by stage and the form. Confidential acquisitions show only
/// their codename to whoever is not in their team.
enum AcquisitionPages {
    struct IndexView {
        /// As the viewer may know them (`AcquisitionService.visible`).
        let rows: [AcquisitionService.Visible]
        let municipalityNames: [String: String]
        let mayEdit: Bool
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Acquisitie", "Attraction pipeline")
            let landed = rows.filter { $0.stage == .landed }
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .acquisitions, viewer: viewer), main: .group(
                .h1(.text(title)),
                .if(mayEdit, .p(.a(.class("button"), .href(SiteURL.newAcquisition.path), .text(localized("Nieuwe acquisitie", "New acquisition"))))),
                .p(.class("lead"), .text(localized(
                    "\(rows.count) bedrijven van buiten de regio; \(landed.count) geland met samen \(Format.integer(landed.compactMap(\.expectedJobs).reduce(0, +))) verwachte banen.",
                    "\(rows.count) companies from outside the region; \(landed.count) landed with \(Format.integer(landed.compactMap(\.expectedJobs).reduce(0, +))) expected jobs together."))),
                .table(
                    .caption(.text(localized("Per fase", "By stage"))),
                    .thead(.tr(.th(.text(localized("Fase", "Stage"))), .th(.class("number"), .text(localized("Bedrijven", "Companies"))),
                               .th(.class("number"), .text(localized("Verwachte banen", "Expected jobs"))),
                               .th(.class("number"), .text(localized("Verwachte investering (€)", "Expected investment (€)"))))),
                    .tbody(.forEach(Acquisition.Stage.allCases) { stage in
                        let inStage = rows.filter { $0.stage == stage }
                        return .tr(.th(.attribute(named: "scope", value: "row"), .text(stage.label)), .td(.class("number"), .text(String(inStage.count))),
                                   .td(.class("number"), .text(Format.integer(inStage.compactMap(\.expectedJobs).reduce(0, +)))),
                                   .td(.class("number"), .text(Format.integer(inStage.compactMap(\.expectedInvestment).reduce(0, +)))))
                    })),
                .table(
                    .caption(.text(localized("Alle acquisities", "All acquisitions"))),
                    .thead(.tr(.th(.text(localized("Bedrijf", "Company"))), .th(.text(localized("Fase", "Stage"))), .th(.text(localized("Cluster", "Cluster"))),
                               .th(.text(localized("Herkomst", "Origin"))), .th(.class("number"), .text(localized("Banen", "Jobs"))),
                               .th(.text(localized("Besluit", "Decision"))))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(row.mayOpen ? .a(.href(SiteURL.acquisition.path(row.id)), .text(row.name)) : .text(row.name),
                                .if(row.isConfidential, .text(localized(" (vertrouwelijk)", " (confidential)"))),
                                .unwrap(row.organisation) { .group(.text(" → "), .a(.href(SiteURL.organisation.path($0)), .text(localized("organisatie", "organisation")))) }),
                            .td(.text(row.stage.label)), .td(.text(row.cluster?.label ?? "")), .td(.text(row.originMunicipality.map { municipalityNames[$0] ?? $0 } ?? "")),
                            .td(.class("number"), .text(row.expectedJobs.map(Format.integer) ?? "")),
                            .td(.text(row.decisionOn.flatMap { CalendarDay($0)?.dutch } ?? "")))
                    }))
            ))
        }
    }

    struct FormView {
        let id: UUID?
        let input: AcquisitionInput
        let problems: [FieldProblem]
        let municipalities: [(value: String, label: String)]
        let users: [(value: String, label: String)]
        let viewer: Layout.Viewer

        func render() -> String {
            let title = id == nil ? localized("Nieuwe acquisitie", "New acquisition") : localized("Acquisitie bewerken", "Edit acquisition")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .acquisitions, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.problemSummary(problems),
                Forms.post(id.map { SiteURL.acquisition.path($0) } ?? SiteURL.acquisitions.path, csrf: viewer.csrfToken,
                    Forms.text(localized("Bedrijf", "Company"), "company_name", value: input.companyName, problems: problems, required: true),
                    Forms.text(localized("Codenaam (vertrouwelijk)", "Codename (confidential)"), "codename", value: input.codename, problems: problems,
                               hint: localized("Met een codenaam ziet alleen het team de bedrijfsnaam.", "With a codename only the team sees the company name.")),
                    Forms.checkboxes(localized("Team", "Team"), "team", options: users, selected: Set(input.team?.items ?? []), problems: problems),
                    Forms.choice(localized("Herkomst (gemeente)", "Origin (municipality)"), "origin_municipality", options: municipalities,
                                 selected: input.originMunicipality, problems: problems),
                    Forms.choice(localized("Cluster", "Cluster"), "cluster", options: Acquisition.Cluster.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.cluster, problems: problems),
                    Forms.choice(localized("Fase", "Stage"), "stage", options: Acquisition.Stage.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.stage ?? Acquisition.Stage.lead.rawValue, problems: problems, required: true),
                    Forms.text(localized("Verwachte banen", "Expected jobs"), "expected_jobs", value: input.expectedJobs, problems: problems, type: "number"),
                    Forms.text(localized("Verwachte investering (€)", "Expected investment (€)"), "expected_investment", value: input.expectedInvestment,
                               problems: problems, type: "number"),
                    Forms.text(localized("Besluit op", "Decision on"), "decision_on", value: input.decisionOn, problems: problems, type: "date"),
                    Forms.textArea(localized("Notities", "Notes"), "notes", value: input.notes, problems: problems),
                    .p(.class("hint"), .text(localized("Bij 'Geland' wordt het bedrijf een organisatie in de stad (of gekoppeld aan een bestaande).",
                                                       "On 'Landed' the company becomes an organisation in the city (or is linked to an existing one)."))),
                    .button(.type(.submit), .text(localized("Opslaan", "Save"))))
            ))
        }
    }
}
