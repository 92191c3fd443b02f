import Analysis
import Foundation
import Markup

extension OrganisationPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var name: String { model.input.name ?? "" }

        func render() -> String {
            let input = model.input
            let details: [(String, String?)] = [
                (localized("Soort", "Kind"), model.kind.label),
                (localized("KvK-nummer", "KvK number"), input.kvkNumber),
                (localized("Vestigingsnummers", "Establishment numbers"), input.establishmentNumbers.map { $0.items.joined(separator: ", ") }),
                ("SBI", input.sbi.map { code in code + (model.sbiLabel.map { " " + $0.text } ?? "") }),
                (localized("Adres", "Address"), [input.address, input.postcode].compactMap { $0 }.joined(separator: ", ")),
                (localized("Gemeente", "Municipality"), input.municipality.map { model.municipalityNames[$0] ?? $0 }),
                (localized("Website", "Website"), input.website),
                (localized("Accountmanager", "Account manager"), model.accountManager),
                (localized("Labels", "Tags"), input.tags.map { $0.items.joined(separator: ", ") }),
                (localized("Gekomen uit", "Came from"), input.originMunicipality.map { model.municipalityNames[$0] ?? $0 }),
                (localized("Niveau", "Level"), input.educationLevel.flatMap(Organisation.EducationLevel.init(rawValue:))?.label),
                (localized("Gevestigd sinds", "Arrived on"), input.arrivedOn),
                (localized("Notities", "Notes"), input.notes),
            ]
            return Layout.render(Layout.Page(title: name, isDemo: model.isDemo, current: .organisations, viewer: viewer), main: .group(
                .h1(.text(name)),
                .unwrap(model.highGrowth) { growth in
                    .p(.class("badge"), .text(localized("Snelle groeier \(growth.from)-\(growth.to)", "Fast grower \(growth.from)-\(growth.to)")
                        + (growth.isGazelle ? localized(" (gazelle)", " (gazelle)") : "")))
                },
                .if(model.mayEdit && viewer != nil, .div(.class("actions"),
                    .a(.class("button"), .href(SiteURL.editOrganisation.path(model.id)), .text(localized("Bewerken", "Edit"))),
                    Forms.post(SiteURL.deleteOrganisation.path(model.id), csrf: viewer?.csrfToken ?? "", class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Verwijderen", "Delete")))))),
                .dl(.forEach(details.filter { !($0.1 ?? "").isEmpty }) { label, value in .group(.dt(.text(label)), .dd(.text(value ?? ""))) }),
                history,
                .h2(.id("mensen"), .text(localized("Mensen", "People"))),
                model.people.isEmpty ? .p(.text(localized("Nog niemand.", "Nobody yet."))) : .ul(.forEach(model.people) { person in
                    .li(.a(.href(SiteURL.person.path(person.id)), .text(person.name)), .text([person.title, period(person.from, person.to)].compactMap { $0 }.map { ", " + $0 }.joined()))
                }),
                .if(model.mayEdit && viewer != nil, addPerson),
                showcase,
                .h2(.text(localized("Activiteit", "Activity"))),
                .if(model.mayEdit, .p(.class("actions"),
                    .a(.class("button"), .href(SiteURL.newContactMoment.with([("organisatie", model.id.uuidString)])), .text(localized("Contactmoment vastleggen", "Log a contact moment"))),
                    .a(.href(SiteURL.newQuestion.with([("organisatie", model.id.uuidString)])), .text(localized("Vraag registreren", "Register a question"))))),
                .p(.a(.href(SiteURL.contactMoments.with([("organisatie", model.id.uuidString)])), .text(localized("Alle contactmomenten", "All contact moments"))),
                   .text(" · "), .a(.href(SiteURL.questions.with([("organisatie", model.id.uuidString)])), .text(localized("Alle vragen", "All questions")))),
                model.activity.isEmpty ? .p(.text(localized("Nog geen contact, vragen of vervolgacties.", "No contact, questions or follow-ups yet."))) : .ul(.class("timeline"), .forEach(model.activity) { item in
                    .li(.text("\(CalendarDay(item.date)?.dutch ?? item.date) · "),
                        .unwrap(item.link, { .a(.href($0), .text(label(item.kind))) }, else: .text(label(item.kind))),
                        .if(!item.text.isEmpty, .text(" — " + item.text)))
                })
            ))
        }

        /// Its consent to the public showcase of its clusters, and the form to give, change or withdraw it.
        private var showcase: Node {
            .group(
                .h2(.id("etalage"), .text(localized("Etalage en samenwerking", "Showcase and collaboration"))),
                .p(.text(model.showcase.map { consent in
                    localized("Toestemming om in de openbare etalage van zijn clusters te staan sinds \(CalendarDay(consent.since)?.dutch ?? consent.since)",
                              "Consent to be shown in the public showcase of its clusters since \(CalendarDay(consent.since)?.dutch ?? consent.since)")
                        + (consent.recordedBy.map { localized(", vastgelegd door \($0).", ", recorded by \($0).") } ?? ".")
                } ?? localized("Geen toestemming om in de openbare etalage te staan.", "No consent to be shown in the public showcase."))),
                .if(model.mayEdit && viewer != nil, Forms.post(SiteURL.organisationShowcase.path(model.id), csrf: viewer?.csrfToken ?? "",
                    Forms.checkboxes(localized("Etalage", "Showcase"), "consent",
                                     options: [("ja", localized("De organisatie stemt in met naam, website, soort en beschrijving in de openbare etalage",
                                                                "The organisation agrees to its name, website, kind and description in the public showcase"))],
                                     selected: model.showcase == nil ? [] : ["ja"], problems: []),
                    Forms.textArea(localized("Korte beschrijving (openbaar, hoogstens \(ShowcaseService.descriptionLength) tekens)",
                                             "Short description (public, at most \(ShowcaseService.descriptionLength) characters)"),
                                   "description", value: model.showcase?.description, problems: []),
                    .button(.type(.submit), .text(localized("Opslaan", "Save"))))),
                .p(.a(.href(SiteURL.collaborations.with([("organisatie", model.id.uuidString)])), .text(localized("Samenwerkingen", "Collaborations"))),
                   .if(model.mayEdit, .group(.text(" · "), .a(.href(SiteURL.newCollaboration.with([("organisatie", model.id.uuidString)])),
                                                             .text(localized("Samenwerking vastleggen", "Record a collaboration")))))))
        }

        /// Someone with a role here: a known person found with the picker, or a new one by name.
        /// Open when it was sent back (refused, or a search step).
        private var addPerson: Node {
            let form = model.newPerson, input = form.input, problems = form.problems
            let isOpen = !problems.isEmpty || form.search != nil
            return .element(named: "details", nodes: [.flag("open", isOpen),
                .element(named: "summary", nodes: [.text(localized("Persoon toevoegen", "Add a person"))]),
                Forms.post(SiteURL.organisationPeople.path(model.id), csrf: viewer?.csrfToken ?? "", problems: problems, defaultButton: true,
                    Forms.picker(localized("Bekende persoon", "Known person"), "person", source: .people, field: form.picker, multiple: false, problems: problems),
                    .fieldset(.class("field"),
                        .element(named: "legend", nodes: [.text(localized("Of een nieuwe persoon", "Or a new person"))]),
                        Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems),
                        Forms.text(localized("E-mailadres", "E-mail address"), "email", value: input.email, problems: problems, type: "email"),
                        Forms.text(localized("Telefoon", "Phone"), "phone", value: input.phone, problems: problems, type: "tel")),
                    Forms.text(localized("Functie hier", "Title here"), "title", value: input.title, problems: problems),
                    .button(.type(.submit), .text(localized("Voeg toe", "Add"))))])
        }

        private func period(_ from: String?, _ to: String?) -> String? {
            guard from != nil || to != nil else { return nil }
            return "\(from.flatMap { CalendarDay($0)?.dutch } ?? "…") – \(to.flatMap { CalendarDay($0)?.dutch } ?? localized("heden", "present"))"
        }

        private func label(_ kind: Activity.Kind) -> String {
            switch kind {
            case .contact(let kind): kind.label
            case .question(let status): localized("Vraag", "Question") + " (\(status.label.lowercased()))"
            case .followUp(let status): localized("Vervolgactie", "Follow-up") + " (\(status.label.lowercased()))"
            }
        }

        private var history: Node {
            guard !model.history.isEmpty else {
                return .group(.h2(.text(localized("In het register", "In the register"))),
                              .p(.text(localized("Geen registergegevens bij dit KvK-nummer of deze vestigingsnummers.",
                                                 "No register data for this KvK number or these establishment numbers."))))
            }
            let source = SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed + "."
            return .group(
                .h2(.text(localized("In het register", "In the register"))),
                model.history.count < 2 ? .empty : .div(.class("chart-block narrow"), LineChart(
                    title: localized("Banen per jaar", "Jobs per year"), unit: localized("banen", "jobs"),
                    points: model.history.map { (year: $0.year, value: Double($0.jobs)) }, source: source,
                    format: { Format.integer(Int($0.rounded())) }).svg(id: "banen")),
                .table(
                    .caption(.text(localized("Banen en vestigingen per jaar", "Jobs and establishments per year"))),
                    .thead(.tr(.th(.text(localized("Jaar", "Year"))), .th(.class("number"), .text(localized("Vestigingen", "Establishments"))),
                               .th(.class("number"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.history) { year in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(String(year.year))),
                            .td(.class("number"), .text(Format.integer(year.establishments))), .td(.class("number"), .text(Format.integer(year.jobs))))
                    })
                ),
                .table(
                    .caption(.text(localized("Vestigingen in \(model.history.last!.year)", "Establishments in \(model.history.last!.year)"))),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(localized("Vestigingsnummer", "Establishment number"))),
                               .th(.attribute(named: "scope", value: "col"), .text(localized("Naam in het register", "Name in the register"))),
                               .th(.attribute(named: "scope", value: "col"), .text(localized("Gemeente", "Municipality"))),
                               .th(.attribute(named: "scope", value: "col"), "Postcode"),
                               .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.establishments) { row in
                        .tr(.td(.text(row.number)), .td(.a(.href(SiteURL.enterprise.path(row.kvk)), .text(row.name))), .td(.text(row.municipality)),
                            .td(.text(row.postcode)), .td(.class("number"), .text(Format.integer(row.jobs))))
                    })
                ))
        }
    }
}
