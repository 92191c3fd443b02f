import Foundation
import Markup

extension TopicsPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (topics, problems, mayEdit) = (model.topics, model.problems, model.mayEdit)
            let title = localized("Onderwerpen", "Topics")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .topics, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.text(localized("De onderwerpen waaruit je kiest bij een contactmoment. Hernoemen geldt ook voor eerdere contactmomenten.",
                                   "The topics to pick from for a contact moment. Renaming applies to earlier contact moments too."))),
                .ul(.forEach(topics) { topic in
                    .li(mayEdit ? Forms.post(SiteURL.topic.path(topic.id), csrf: viewer.csrfToken, class: "inline",
                                             .label(.class("visually-hidden"), .for("topic-\(topic.id)"), .text(localized("Naam", "Name"))),
                                             Forms.input([("type", "text"), ("id", "topic-\(topic.id)"), ("name", "name"), ("value", topic.name)]),
                                             .button(.type(.submit), .text(localized("Hernoem", "Rename"))))
                                : .text(topic.name))
                }),
                .if(mayEdit, Forms.post(SiteURL.topics.path, csrf: viewer.csrfToken, class: "inline", problems: problems,
                                        Forms.text(localized("Nieuw onderwerp", "New topic"), "name", value: nil, problems: problems),
                                        .button(.type(.submit), .text(localized("Voeg toe", "Add")))))
            ))
        }
    }
}
