import Foundation
import Markup

extension MeetingPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        private func day(_ text: String) -> String { CalendarDay(text).map(Format.date) ?? text }

        func render() -> String {
            let meeting = model.details
            let title = "\(meeting.title), \(day(meeting.date))"
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .meeting, viewer: viewer), main: .group(
                .p(.class("no-print"), .a(.href(SiteURL.driverTeam.path), .text(localized("← Aanjaagteam", "← Driver team")))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized("Verslag van het overleg", "Minutes of the meeting") + (meeting.location.map { " — \($0)" } ?? ""))),
                .if(model.mayEdit, .p(.class("no-print"), .a(.class("button"), .href(SiteURL.editMeeting.path(meeting.id)), .text(localized("Bewerken", "Edit"))),
                                      .span(.class("hint"), .text(localized(" Afdrukken geeft het verslag zonder menu en formulieren.", " Printing gives the minutes without menu and forms."))))),
                .h2(.text(localized("Aanwezig", "Present"))),
                .p(meeting.attendees.isEmpty ? .text("–") : Links.list(meeting.attendees, to: .person)),
                .h2(.text(localized("Agenda", "Agenda"))),
                meeting.agenda.isEmpty ? .p(.text("–")) : .ol(.forEach(meeting.agenda) { item in
                    .li(.text(item.title), .unwrap(item.subject) { subject in .group(.text(" — "), .a(.href(subject.link), .text(subject.label))) })
                }),
                agendaForm(),
                .unwrap(meeting.minutes) { minutes in .group(
                    .h2(.text(localized("Verslag", "Minutes"))),
                    .forEach(minutes.components(separatedBy: "\n\n")) { .p(.text($0)) }) },
                .h2(.text(localized("Besluiten", "Decisions"))),
                meeting.decisions.isEmpty ? .p(.text("–")) : .ol(.forEach(meeting.decisions) { decision in
                    .li(.text(decision.decision),
                        .unwrap(decision.project) { project in .group(.text(" — "), .a(.href(SiteURL.project.path(project.id)), .text(project.name))) },
                        .text(localized(" (besloten door ", " (decided by ") + decision.decidedBy + ")"),
                        .unwrap(decision.reasoning) { .p(.class("hint"), .text($0)) })
                }),
                decisionForm(),
                .h2(.text(localized("Acties", "Actions"))),
                meeting.actions.isEmpty ? .p(.text("–")) : .table(
                    .caption(.text(localized("Acties uit dit overleg", "Actions from this meeting"))),
                    .thead(.tr(.th(.text(localized("Wat", "What"))), .th(.text(localized("Wie", "Who"))), .th(.text(localized("Wanneer", "When"))),
                               .th(.text(localized("Status", "Status"))), .th(.text(localized("Project", "Project"))))),
                    .tbody(.forEach(meeting.actions) { action in
                        .tr(.td(.text(action.description)), .td(.text(action.owner.name)), .td(.text(day(action.dueOn))), .td(.text(action.status.label)),
                            .td(.unwrap(action.project) { .a(.href(SiteURL.project.path($0.id)), .text($0.name)) }))
                    })),
                actionForm()
            ))
        }

        private func problems(_ part: Part) -> [FieldProblem] { model.failed == part ? model.problems : [] }

        private func agendaForm() -> Node {
            guard model.mayEdit else { return .empty }
            let (input, problems) = (model.agenda, problems(.agenda))
            return .details(.class("no-print"), .flag("open", model.failed == .agenda), .summary(.text(localized("Agendapunt toevoegen", "Add an agenda item"))),
                Forms.post(SiteURL.meetingAgenda.path(model.details.id), csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Agendapunt", "Item"), "title", value: input.title, problems: problems, required: true),
                    .p(.class("hint"), .text(localized("Waarover (hoogstens één):", "About (at most one):"))),
                    Forms.choice(localized("Project", "Project"), "project", options: model.projects, selected: input.project, problems: problems),
                    Forms.choice(localized("Doel", "Goal"), "goal", options: model.goals, selected: input.goal, problems: problems),
                    Forms.choice(localized("Cluster", "Cluster"), "cluster", options: model.clusters, selected: input.cluster, problems: problems),
                    Forms.picker(localized("Organisatie", "Organisation"), "organisation", source: .organisations, field: model.organisation, multiple: false, problems: problems),
                    .button(.type(.submit), .text(localized("Toevoegen", "Add")))))
        }

        private func decisionForm() -> Node {
            guard model.mayEdit else { return .empty }
            let (input, problems) = (model.decision, problems(.decision))
            return .details(.class("no-print"), .flag("open", model.failed == .decision), .summary(.text(localized("Besluit vastleggen", "Record a decision"))),
                Forms.post(SiteURL.meetingDecisions.path(model.details.id), csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Besluit", "Decision"), "decision", value: input.decision, problems: problems, required: true),
                    Forms.choice(localized("Over project (dan ook in het besluitenlog van het project)", "About project (then also in the project's decision log)"), "project",
                                 options: model.projects, selected: input.project, problems: problems),
                    Forms.text(localized("Besloten door", "Decided by"), "decided_by", value: input.decidedBy ?? localized("Aanjaagteam", "Driver team"), problems: problems),
                    Forms.textArea(localized("Overwegingen", "Reasoning"), "reasoning", value: input.reasoning, problems: problems),
                    .button(.type(.submit), .text(localized("Vastleggen", "Record")))))
        }

        private func actionForm() -> Node {
            guard model.mayEdit else { return .empty }
            let (input, problems) = (model.action, problems(.action))
            return .details(.class("no-print"), .flag("open", model.failed == .action), .summary(.text(localized("Actie toevoegen", "Add an action"))),
                Forms.post(SiteURL.meetingActions.path(model.details.id), csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Wat", "What"), "description", value: input.description, problems: problems, required: true),
                    Forms.choice(localized("Wie (eigenaar)", "Who (owner)"), "owner", options: model.owners, selected: input.owner, problems: problems, required: true),
                    Forms.text(localized("Uiterlijk", "Due"), "due_on", value: input.dueOn, problems: problems, type: "date", required: true),
                    Forms.choice(localized("Project", "Project"), "project", options: model.projects, selected: input.project, problems: problems),
                    .p(.class("hint"), .text(localized("De actie komt in 'Mijn taken' van de eigenaar.", "The action appears in the owner's 'My tasks'."))),
                    .button(.type(.submit), .text(localized("Toevoegen", "Add")))))
        }
    }
}
