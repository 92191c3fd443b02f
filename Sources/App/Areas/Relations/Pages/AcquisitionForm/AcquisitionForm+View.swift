import Foundation
import Markup

extension AcquisitionForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (id, input, problems, municipalities, users) = (model.id, model.input, model.problems, model.municipalities, model.users)
            let title = id == nil ? localized("Nieuwe acquisitie", "New acquisition") : localized("Acquisitie bewerken", "Edit acquisition")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .acquisitions, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(id.map { SiteURL.acquisition.path($0) } ?? SiteURL.acquisitions.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Bedrijf", "Company"), "company_name", value: input.companyName, problems: problems, required: true),
                    Forms.text(localized("Codenaam (vertrouwelijk)", "Codename (confidential)"), "codename", value: input.codename, problems: problems,
                               hint: localized("Met een codenaam ziet alleen het team de bedrijfsnaam.", "With a codename only the team sees the company name.")),
                    Forms.checkboxes(localized("Team", "Team"), "team", options: users, selected: Set(input.team?.items ?? []), problems: problems),
                    Forms.choice(localized("Herkomst (gemeente)", "Origin (municipality)"), "origin_municipality", options: municipalities,
                                 selected: input.originMunicipality, problems: problems),
                    Forms.choice(localized("Cluster", "Cluster"), "cluster", options: model.clusters.map { ($0.key, $0.name) },
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
