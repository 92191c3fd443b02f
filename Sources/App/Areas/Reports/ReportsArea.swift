import Vapor

/// Rapportage: the council report of a reporting date, made from the same page models and
/// indicator catalogue as the pages, as print-ready HTML and (with Chromium) PDF, and frozen
/// reports kept byte for byte.
enum ReportsArea {
    static func register(on routes: AreaRoutes) {
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        let reports = ReportsController()
        readers.get(SiteURL.reports.pathComponents, use: reports.index)
        readers.get(SiteURL.report.pathComponents, use: reports.report)
        editors.post(SiteURL.reports.pathComponents, use: reports.freeze)
        readers.get(SiteURL.frozenReport.pathComponents, use: reports.frozen)

        let api = routes.api.grouped("api", "v1")
        api.grouped(AccessGuard(permission: .read)).get("reports", use: ReportsAPI.list)
        api.grouped(AccessGuard(permission: .read)).get("reports", ":id", use: ReportsAPI.file)
        api.grouped(AccessGuard(permission: .editProgramme)).post("reports", use: ReportsAPI.freeze)
    }
}
