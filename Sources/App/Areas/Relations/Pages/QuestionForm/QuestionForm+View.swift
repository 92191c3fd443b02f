import Foundation
import Markup

extension QuestionForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (id, input, problems, users) = (model.id, model.input, model.problems, model.users)
            let title = id == nil ? localized("Vraag registreren", "Register a question") : localized("Vraag behandelen", "Handle a question")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .questions, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(id.map { SiteURL.question.path($0) } ?? SiteURL.questions.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.textArea(localized("Vraag", "Question"), "question", value: input.question, problems: problems),
                    Forms.choice(localized("Kanaal", "Channel"), "channel", options: Question.Channel.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.channel ?? Question.Channel.phone.rawValue, problems: problems, required: true),
                    Forms.text(localized("Ontvangen op", "Received at"), "received_at", value: input.receivedAt, problems: problems, type: "datetime-local",
                               hint: localized("leeg: nu", "empty: now")),
                    Forms.picker(localized("Organisatie", "Organisation"), "organisation", source: .organisations, field: model.organisation,
                                 multiple: false, problems: problems),
                    Forms.text(localized("Doorgezet naar (afdeling of persoon)", "Routed to (department or person)"), "routed_to", value: input.routedTo, problems: problems),
                    Forms.choice(localized("Behandelaar", "Handled by"), "assignee", options: users, selected: input.assignee, problems: problems),
                    Forms.choice("Status", "status", options: Question.Status.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.status ?? Question.Status.new.rawValue, problems: problems, required: true),
                    Forms.textArea(localized("Antwoord", "Answer"), "answer", value: input.answer, problems: problems),
                    .button(.type(.submit), .text(localized("Opslaan", "Save"))))
            ))
        }
    }
}
