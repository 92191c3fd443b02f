import Plot

/// The page for a refused or failed request: what went wrong and what to do, never internals.
enum ErrorPage {
    static func render(status: Int, message: String) -> String {
        let title = switch status {
        case 403: "Geen toegang"
        case 404: "Pagina niet gevonden"
        case 429: "Even wachten"
        case 400..<500: "Dit verzoek kan niet worden uitgevoerd"
        default: "Er ging iets mis"
        }
        return Layout.render(Layout.Page(title: title, isDemo: nil, current: nil), main: .group(
            .h1(.text(title)),
            .p(.class("notice"), .text(message)),
            .p(.a(.href(SiteURL.home.path), "Naar de startpagina"))
        ))
    }
}
