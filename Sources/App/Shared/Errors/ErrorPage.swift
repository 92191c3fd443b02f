import Markup

/// The page for a refused or failed request: what went wrong and what to do, never internals.
enum ErrorPage {
    /// `requestID` is shown so that a user who reports the problem can point at its line in the log.
    static func render(status: Int, message: String, requestID: String? = nil) -> String {
        let title = switch status {
        case 403: localized("Geen toegang", "No access")
        case 404: localized("Pagina niet gevonden", "Page not found")
        case 429: localized("Even wachten", "Please wait")
        case 400..<500: localized("Dit verzoek kan niet worden uitgevoerd", "This request cannot be carried out")
        default: localized("Er ging iets mis", "Something went wrong")
        }
        return Layout.render(Layout.Page(title: title, isDemo: nil, current: nil), main: .group(
            .h1(.text(title)),
            .p(.class("notice"), .text(message)),
            .unwrap(requestID) { .p(.class("meta"), .text(localized("Verzoeknummer (noem het als u dit meldt): ", "Request id (mention it when you report this): ")), .code(.text($0))) },
            .p(.a(.href(SiteURL.home.path), .text(localized("Naar de startpagina", "To the home page"))))
        ))
    }
}
