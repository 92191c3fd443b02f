import Foundation
import Markup

extension ProjectPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        private func day(_ text: String?) -> String {
            text.map { CalendarDay($0).map(Format.date) ?? $0 } ?? "–"
        }

        func render() -> String {
            let project = model.details
            return Layout.render(Layout.Page(title: project.name, isDemo: viewer.seesDemo, current: .project, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.projects.path), .text(localized("← Programma", "← Programme")))),
                .h1(.text(project.name)),
                .p(.class("lead"), .text(project.phase.label + localized(" sinds ", " since ") + day(project.phaseSince)),
                   .if(project.mustInclude, .span(.class("tag"), .text(localized(" · moet mee in de selectie", " · must be in the selection"))))),
                .if(model.mayEdit, .p(.class("no-print"),
                    .a(.class("button"), .href(SiteURL.editProject.path(project.id)), .text(localized("Bewerken", "Edit"))), .text(" "),
                    .a(.class("button"), .href(SiteURL.projectScores.path(project.id)), .text(localized("Beoordelen", "Score"))))),
                .unwrap(project.description) { .p(.text($0)) },
                .dl(
                    .dt(.text(localized("Trekker", "Lead"))),
                    .dd(.unwrap(project.leadOrganisation) { .a(.href(SiteURL.organisation.path($0.id)), .text($0.name)) },
                        .unwrap(project.leadPerson) { person in .group(.if(project.leadOrganisation != nil, .text(" — ")), .a(.href(SiteURL.person.path(person.id)), .text(person.name))) },
                        .if(project.leadOrganisation == nil && project.leadPerson == nil, .text(localized("nog niemand", "nobody yet")))),
                    .dt(.text(localized("Partners", "Partners"))), .dd(project.partners.isEmpty ? .text("–") : Links.list(project.partners, to: .organisation)),
                    .dt(.text(localized("Clusters", "Clusters"))),
                    .dd(project.clusters.isEmpty ? .text("–") : .forEach(Array(project.clusters.enumerated())) { index, cluster in
                        .group(.if(index > 0, .text(", ")), .a(.href(SiteURL.cluster.path(cluster.key)), .text(cluster.name)))
                    }),
                    .dt(.text(localized("Doelen", "Goals"))),
                    .dd(project.goals.isEmpty ? .text("–") : .forEach(Array(project.goals.enumerated())) { index, goal in
                        .group(.if(index > 0, .text(", ")), .a(.href(SiteURL.goal.path(goal.key)), .text(goal.name)))
                    }),
                    .dt(.text(localized("Plek", "Place"))), .dd(.text(project.place?.name ?? "–")),
                    .dt(.text(localized("Budget", "Budget"))),
                    .dd(.text(project.budgetTotal.map(Format.euros) ?? "–"),
                        .text(localized(", waarvan gemeente ", ", of which the municipality ") + (project.budgetMunicipal.map(Format.euros) ?? "–"))),
                    .dt(.text(localized("Financiering", "Funding"))), .dd(.text(project.fundingSources ?? "–")),
                    .dt(.text(localized("Looptijd", "Period"))), .dd(.text("\(day(project.startsOn)) – \(day(project.endsOn))")),
                    .dt(.text(localized("Rangorde", "Ranking"))),
                    .dd(.unwrap(model.notRanked) { .text(localized("niet gerangschikt: ", "not ranked: ") + $0) },
                        .if(model.notRanked == nil, .group(
                            .text(ProgrammeRanking.Method.allCases.map { method in "\(method.label): \(model.ranks[method].map { "#\($0)" } ?? "–")" }.joined(separator: " · ")),
                            .text(" "), .a(.class("no-print"), .href(SiteURL.ranking.path), .text(localized("(rangorde)", "(ranking)"))))))
                ),
                scores(project),
                .h2(.text(localized("Fasen", "Phases"))),
                .ol(.forEach(project.phases) { phase in .li(.text("\(phase.phase.label) — \(day(phase.since))")) }),
                milestones(project),
                decisions(project)
            ))
        }

        private func scores(_ project: ProjectService.Details) -> Node {
            .group(
                .h2(.text(localized("Beoordeling op de vijf criteria", "Assessment on the five criteria"))),
                .p(.class("hint"), .text(localized("Schaal \(Criterion.scaleText). Per criterium de mediaan van de beoordelaars; de spreiding (laagste–hoogste) laat zien waar ze het oneens zijn.",
                                                   "Scale \(Criterion.scaleText). Per criterion the median of the assessors; the spread (lowest–highest) shows where they disagree."))),
                .table(
                    .caption(.text(localized("Scores per criterium", "Scores per criterion"))),
                    .thead(.tr(.th(.text(localized("Criterium", "Criterion"))), .th(.class("number"), .text(localized("Mediaan", "Median"))),
                               .th(.text(localized("Spreiding", "Spread"))), .th(.class("number"), .text(localized("Beoordelaars", "Assessors"))))),
                    .tbody(.forEach(Criterion.allCases) { criterion in
                        let summary = project.summaries[criterion]
                        return .tr(.th(.attribute(named: "scope", value: "row"), .text(criterion.name), .br(), .span(.class("hint"), .text(criterion.meaning))),
                                   .td(.class("number"), .text(summary.map { Format.figure($0.median) } ?? "–")),
                                   .td(.text(summary.map { "\($0.lowest)–\($0.highest)" } ?? "–"),
                                       .if(summary?.disagreement == true, .strong(.text(localized(" oneens", " disagree"))))),
                                   .td(.class("number"), .text(summary.map { String($0.count) } ?? "0")))
                    })),
                .if(!project.scores.isEmpty, .table(
                    .caption(.text(localized("Scores en motivering per beoordelaar", "Scores and reasons per assessor"))),
                    .thead(.tr(.th(.text(localized("Beoordelaar", "Assessor"))), .th(.text(localized("Criterium", "Criterion"))),
                               .th(.class("number"), .text(localized("Score", "Score"))), .th(.text(localized("Motivering", "Reason"))))),
                    .tbody(.forEach(project.scores) { score in
                        .tr(.td(.text(score.assessorName)), .td(.text(score.criterion.name)), .td(.class("number"), .text(String(score.score))), .td(.text(score.rationale)))
                    })))
            )
        }

        private func milestones(_ project: ProjectService.Details) -> Node {
            let failed = model.failedForm == "milestone" ? model.problems : []
            return .group(
                .h2(.text(localized("Mijlpalen", "Milestones"))),
                project.milestones.isEmpty ? .p(.text(localized("Nog geen mijlpalen.", "No milestones yet."))) : .table(
                    .caption(.text(localized("Mijlpalen", "Milestones"))),
                    .thead(.tr(.th(.text(localized("Wat", "What"))), .th(.text(localized("Wanneer", "When"))), .th(.text(localized("Gedaan", "Done"))),
                               .if(model.mayEdit, .th(.class("no-print"), .text(localized("Wijzigen", "Change")))))),
                    .tbody(.forEach(project.milestones) { milestone in
                        .tr(.td(.text(milestone.what)), .td(.text(day(milestone.dueOn))), .td(.text(milestone.doneOn.map { day($0) } ?? localized("nee", "no"))),
                            .if(model.mayEdit, .td(.class("no-print"),
                                Forms.post(SiteURL.milestone.path(milestone.id), csrf: viewer.csrfToken, class: "inline",
                                           .input(.type(.hidden), .name("done"), .value(milestone.doneOn == nil ? "true" : "false")),
                                           .button(.type(.submit), .class("plain"), .text(milestone.doneOn == nil ? localized("Gedaan", "Done") : localized("Weer open", "Open again")))),
                                Forms.post(SiteURL.deleteMilestone.path(milestone.id), csrf: viewer.csrfToken, class: "inline",
                                           .button(.type(.submit), .class("plain"), .text(localized("Verwijderen", "Delete")))))))
                    })),
                .if(model.mayEdit, .group(
                    .h3(.class("no-print"), .text(localized("Mijlpaal toevoegen", "Add a milestone"))),
                    Forms.post(SiteURL.projectMilestones.path(project.id), csrf: viewer.csrfToken, problems: failed,
                        Forms.text(localized("Wat", "What"), "what", value: model.milestone.what, problems: failed, required: true),
                        Forms.text(localized("Wanneer", "When"), "due_on", value: model.milestone.dueOn, problems: failed, type: "date", required: true,
                                   hint: project.endsOn.map { localized("uiterlijk het einde van het project, \(day($0))", "at the latest the project's end, \(day($0))") }),
                        .button(.type(.submit), .text(localized("Toevoegen", "Add"))))))
            )
        }

        private func decisions(_ project: ProjectService.Details) -> Node {
            let failed = model.failedForm == "decision" ? model.problems : []
            return .group(
                .h2(.text(localized("Besluiten", "Decisions"))),
                project.decisions.isEmpty ? .p(.text(localized("Nog geen besluiten.", "No decisions yet."))) : .ul(.forEach(project.decisions) { decision in
                    .li(.strong(.text(day(decision.date) + ": ")), .text(decision.decision),
                        .text(localized(" (besloten door ", " (decided by ") + decision.decidedBy + ")"),
                        .unwrap(project.decisionMeetings[decision.id]) { .group(.text(" "), .a(.href(SiteURL.meeting.path($0)), .text(localized("overleg", "meeting")))) },
                        .unwrap(decision.reasoning) { .p(.class("hint"), .text($0)) })
                }),
                .if(model.mayEdit, .group(
                    .h3(.class("no-print"), .text(localized("Besluit vastleggen", "Record a decision"))),
                    Forms.post(SiteURL.projectDecisions.path(project.id), csrf: viewer.csrfToken, problems: failed,
                        Forms.text(localized("Datum", "Date"), "date", value: model.decision.date ?? model.today.text, problems: failed, type: "date", required: true),
                        Forms.text(localized("Besluit", "Decision"), "decision", value: model.decision.decision, problems: failed, required: true),
                        Forms.text(localized("Besloten door", "Decided by"), "decided_by", value: model.decision.decidedBy, problems: failed,
                                   hint: localized("bijv. aanjaagteam, college van B&W", "e.g. driver team, municipal executive")),
                        Forms.textArea(localized("Overwegingen", "Reasoning"), "reasoning", value: model.decision.reasoning, problems: failed),
                        .button(.type(.submit), .text(localized("Vastleggen", "Record"))))))
            )
        }
    }
}
