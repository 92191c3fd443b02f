import Vapor

extension OrganisationService.Filter {
    /// The query parameters of the filter: Dutch on the web pages, English in the API.
    struct Names: Sendable {
        let kind, accountManager, tag, municipality, page: String

        static let web = Names(kind: "soort", accountManager: "accountmanager", tag: "label", municipality: "gemeente", page: "pagina")
        static let api = Names(kind: "kind", accountManager: "account_manager", tag: "tag", municipality: "municipality", page: "page")
    }

    /// The search and filters of the list, from the URL; a bad value is a 400 naming the parameter.
    static func parse(_ request: Request, names: Names) throws -> Self {
        var filter = Self()
        filter.text = request.queryText("q")
        filter.kind = try request.choice(names.kind, as: Organisation.Kind.self)
        filter.accountManager = try request.uuid(names.accountManager)
        filter.tag = request.queryText(names.tag)
        filter.municipality = request.queryText(names.municipality)
        if names.page == Names.web.page {
            filter.order = try ListOrder.read(request, default: .name)
        } else {
            filter.page = try request.page(names.page)
        }
        return filter
    }
}
