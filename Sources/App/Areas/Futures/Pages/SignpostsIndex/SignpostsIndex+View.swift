import Analysis
import Foundation
import Markup

extension SignpostsIndex {
    /// The signposts as a table (also on the Toekomst page).
    static func table(_ signposts: [Signpost]) -> Node {
        .div(.class("table-scroll"), .table(
            .caption(.text(localized("Signalen, drempel bereikt eerst", "Signposts, triggered first"))),
            .thead(.tr(.th(.text(localized("Signaal", "Signpost"))), .th(.text(localized("Bewaakt", "Watches"))), .th(.text(localized("Nu", "Now"))),
                       .th(.class("number"), .text(localized("Drempel", "Trigger"))), .th(.text(localized("Status", "Status"))),
                       .th(.text(localized("Verwacht bij de drempel", "Projected at the trigger"))))),
            .tbody(.forEach(signposts) { signpost in
                .tr(.td(.unwrap(signpost.id) { .a(.href(SiteURL.signpost.path($0)), .text(signpost.name)) }),
                    .td(.unwrap(signpost.$item.value) { item in .a(.href(item.kind.page.path(item.key)), .text(item.name)) }),
                    .td(.text(FuturesFigures.current(signpost))),
                    .td(.class("number"), .text(FuturesFigures.trigger(signpost))),
                    .td(FuturesFigures.status(signpost.status)),
                    .td(.text(signpost.projectedCrossing.flatMap(CalendarDay.init).map(Format.date) ?? "–")))
            })))
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let title = localized("Signalen", "Signposts")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .signposts, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Een signaal volgt een indicator uit de catalogus voor een scenario of beleidsoptie. Ze worden gelezen na elke import, na elke wijziging van gegevens waar ze op rusten, en als u erom vraagt.",
                    "A signpost follows an indicator of the catalogue for a scenario or policy option. They are read after every import, after every change to the data they rest on, and when you ask."))),
                FuturesFigures.alerts(model.alerts, viewer: viewer, mayAcknowledge: model.mayEdit),
                .p(.class("hint"), .text(FuturesFigures.rules)),
                model.signposts.isEmpty ? .p(.text(localized("Nog geen signalen.", "No signposts yet."))) : SignpostsIndex.table(model.signposts),
                .if(model.mayEdit, .div(.class("actions"),
                    .a(.class("button"), .href(SiteURL.newSignpost.path), .text(localized("Nieuw signaal", "New signpost"))),
                    Forms.post(SiteURL.evaluateSignposts.path, csrf: viewer.csrfToken, class: "inline",
                               .button(.type(.submit), .class("secondary"), .text(localized("Nu alle signalen lezen", "Read all signposts now"))))))
            ))
        }
    }
}

/// How the Toekomst pages, the home page and the report write signposts, their status and alerts.
enum FuturesFigures {
    static func label(_ status: SignpostReading.Status) -> String {
        switch status {
        case .quiet: localized("rustig", "quiet")
        case .watch: localized("opletten", "watch")
        case .triggered: localized("drempel bereikt", "triggered")
        }
    }

    static func status(_ status: SignpostReading.Status?) -> Node {
        guard let status else { return .span(.class("status status-none"), .text(localized("niet gelezen", "not read"))) }
        return .span(.class("status status-\(status.rawValue)"), .text(label(status)))
    }

    static func direction(_ direction: SignpostReading.Direction) -> String {
        direction == .rising ? localized("stijgend", "rising") : localized("dalend", "falling")
    }

    /// "5.210 (2024)", or why there is no value.
    static func current(_ signpost: Signpost) -> String {
        if let value = signpost.value, let asOf = signpost.asOf { return "\(Format.figure(value)) (\(asOf))" }
        return signpost.problem ?? localized("nog niet gelezen", "not read yet")
    }

    /// "≥ 5.000" or "≤ 10".
    static func trigger(_ signpost: Signpost) -> String {
        (signpost.direction == .rising ? "≥ " : "≤ ") + Format.figure(signpost.trigger)
    }

    /// The rules of the status, as the pages state them.
    static var rules: String {
        localized("Een signaal heeft de drempel bereikt als de nieuwste waarde erop of erover ligt (in de richting van het signaal). Het vraagt aandacht (opletten) als de waarde de vroege waarschuwing heeft bereikt, of als de trendlijn door de geschiedenis van de indicator de drempel binnen \(Format.integer(Int(SignpostReading.horizon))) jaar na de nieuwste meting haalt. Anders is het rustig. De trend is de kleinste-kwadratenlijn; het verwachte moment van de drempel rekent vanaf de nieuwste waarde met de helling van die lijn.",
                  "A signpost is triggered when its latest value lies at or beyond the trigger (in the signpost's direction). It is on watch when the value has reached the early warning, or when the trend line through the indicator's history reaches the trigger within \(Format.integer(Int(SignpostReading.horizon))) years of the latest observation. Otherwise it is quiet. The trend is the least-squares line; the projected crossing counts from the latest value along that line's slope.")
    }

    /// The alerts still open, each with a button to acknowledge it (for those who may).
    static func alerts(_ alerts: [SignpostAlert], viewer: Layout.Viewer, mayAcknowledge: Bool) -> Node {
        guard !alerts.isEmpty else { return .empty }
        return .section(.class("notice alerts"), .attribute(named: "role", value: "alert"),
            .h2(.text(localized("Signalen die hun drempel bereikten", "Signposts that reached their trigger"))),
            .ul(.forEach(alerts) { alert in
                .li(.unwrap(alert.$signpost.id) { id in .a(.href(SiteURL.signpost.path(id)), .text(alert.message)) },
                    .if(alert.$signpost.id == nil, .text(alert.message)),
                    .text(" " + localized("Gemeld op \(Format.moment(alert.raisedAt)).", "Raised on \(Format.moment(alert.raisedAt)).")),
                    .if(mayAcknowledge && alert.id != nil, Forms.post(SiteURL.acknowledgeAlert.path(alert.id ?? UUID()), csrf: viewer.csrfToken, class: "inline",
                        .button(.type(.submit), .class("secondary"), .text(localized("Gezien", "Acknowledge"))))))
            }))
    }
}
