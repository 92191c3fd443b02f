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
            .documented("Lists the frozen council reports", "Latest first, each with the addresses and SHA-256 of its HTML and PDF.")
        api.grouped(AccessGuard(permission: .read)).get("reports", ":id", use: ReportsAPI.file)
            .documented("A frozen report's file", "Byte for byte as frozen, with its SHA-256 in `Repr-Digest`.",
                        path: [APIParameter(name: "id", description: "The report's id with `.html` or `.pdf`.",
                                            schema: ["type": "string", "pattern": "^[0-9A-Fa-f-]{36}\\.(html|pdf)$"])],
                        files: ["text/html", "application/pdf"])
        api.grouped(AccessGuard(permission: .editProgramme)).post("reports", use: ReportsAPI.freeze)
            .documented("Freezes the council report of a reporting date", "Renders the report (HTML, and PDF where Chromium is installed) and keeps it unchanged from then on.",
                        body: ReportsAPI.FreezeInput.self, created: ReportsAPI.Report.self)
    }
}
