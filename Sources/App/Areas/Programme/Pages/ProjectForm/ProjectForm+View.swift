import Foundation
import Markup

extension ProjectForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (input, problems) = (model.input, model.problems)
            let title = model.id == nil ? localized("Nieuw project", "New project") : localized("Project bewerken", "Edit project")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: model.id == nil ? .newProject : .editProject, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.project.path($0) } ?? SiteURL.projects.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                    Forms.textArea(localized("Omschrijving", "Description"), "description", value: input.description, problems: problems),
                    Forms.picker(localized("Trekker (organisatie)", "Lead (organisation)"), "lead_organisation", source: .organisations, field: model.leadOrganisation,
                                 multiple: false, problems: problems),
                    Forms.picker(localized("Trekker (persoon)", "Lead (person)"), "lead_person", source: .people, field: model.leadPerson, multiple: false, problems: problems),
                    Forms.picker(localized("Partners", "Partners"), "partners", source: .organisations, field: model.partners, multiple: true, problems: problems),
                    Forms.checkboxes(localized("Clusters", "Clusters"), "clusters", options: model.clusters, selected: Set(input.clusters?.items ?? []), problems: problems),
                    Forms.checkboxes(localized("Doelen waaraan het bijdraagt", "Goals it serves"), "goals", options: model.goals, selected: Set(input.goals?.items ?? []),
                                     problems: problems),
                    Forms.choice(localized("Plek", "Place"), "place", options: model.places, selected: input.place, problems: problems),
                    Forms.text(localized("Budget in euro (totaal)", "Budget in euros (total)"), "budget_total", value: input.budgetTotal, problems: problems,
                               hint: localized("bijv. 1250000", "e.g. 1250000")),
                    Forms.text(localized("Waarvan gemeente (euro)", "Of which the municipality (euros)"), "budget_municipal", value: input.budgetMunicipal, problems: problems,
                               hint: localized("wat de selectie tegen het budget houdt", "what the selection holds against the budget")),
                    Forms.text(localized("Financieringsbronnen", "Funding sources"), "funding_sources", value: input.fundingSources, problems: problems,
                               hint: localized("bijv. gemeente, provincie, REP-middelen, bedrijven", "e.g. municipality, province, regional funds, companies")),
                    Forms.choice(localized("Fase", "Phase"), "phase", options: Project.Phase.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.phase ?? Project.Phase.idea.rawValue, problems: problems, required: true),
                    Forms.text(localized("In deze fase sinds", "In this phase since"), "phase_since", value: input.phaseSince, problems: problems, type: "date",
                               hint: localized("leeg: vandaag; kiest u een andere fase en laat u deze datum staan, dan begint de nieuwe fase vandaag",
                                               "empty: today; choose another phase and leave this date, and the new phase begins today")),
                    Forms.text(localized("Start", "Start"), "starts_on", value: input.startsOn, problems: problems, type: "date"),
                    Forms.text(localized("Einde", "End"), "ends_on", value: input.endsOn, problems: problems, type: "date"),
                    .div(.class("field"), .label(Forms.input([("type", "checkbox"), ("name", "must_include"), ("value", "true"),
                                                              ("checked", input.mustInclude == "true" ? "checked" : nil)]),
                                                 .text(localized(" Moet mee in de selectie (ongeacht de score)", " Must be in the selection (whatever its score)"))),
                         Forms.errorNode("must_include", problems)),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))),
                .unwrap(model.id) { id in
                    Forms.post(SiteURL.deleteProject.path(id), csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Project verwijderen", "Delete project"))))
                }
            ))
        }
    }
}
