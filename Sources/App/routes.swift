import Vapor

/// Every route with the permission it needs (see `Role.may`); only `SiteURL.isPublic` ones are
/// open without login. Pages use the browser session, `/api/v1` a bearer token.
func routes(_ app: Application, config: AppConfig) throws {
    app.get(SiteURL.health.pathComponents, use: HealthController().check)
    app.get(SiteURL.stylesheet.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }

    let pages = app.grouped(SetupMiddleware(), SessionMiddleware(security: config.security))
    let login = try LoginController(security: config.security)
    pages.get(SiteURL.login.pathComponents, use: login.show)
    pages.post(SiteURL.login.pathComponents, use: login.login)

    let readers = pages.grouped(AccessGuard(permission: .read))
    readers.get(SiteURL.home.pathComponents, use: HomeController(area: config.area).index)
    readers.post(SiteURL.logout.pathComponents, use: login.logout)
    let economy = EconomyController(area: config.area)
    readers.get(SiteURL.overview.pathComponents, use: economy.overview)
    readers.get(SiteURL.sectors.pathComponents, use: economy.sectors)
    readers.get(SiteURL.fastGrowers.pathComponents, use: economy.fastGrowers)
    readers.get(SiteURL.specialisation.pathComponents, use: economy.specialisation)
    readers.get(SiteURL.firmSize.pathComponents, use: economy.firmSize)
    readers.get(SiteURL.region.pathComponents, use: economy.region)
    readers.get(SiteURL.establishments.pathComponents, use: economy.establishments)

    let organisations = OrganisationsController()
    readers.get(SiteURL.organisations.pathComponents, use: organisations.index)
    readers.get(SiteURL.organisation.pathComponents, use: organisations.show)
    let relationEditors = pages.grouped(AccessGuard(permission: .editRelations))
    relationEditors.get(SiteURL.newOrganisation.pathComponents, use: organisations.newForm)
    relationEditors.post(SiteURL.organisations.pathComponents, use: organisations.create)
    relationEditors.get(SiteURL.editOrganisation.pathComponents, use: organisations.editForm)
    relationEditors.post(SiteURL.organisation.pathComponents, use: organisations.update)
    relationEditors.post(SiteURL.deleteOrganisation.pathComponents, use: organisations.delete)

    let users = UsersController(passwordCost: config.security.passwordCost)
    let administrators = pages.grouped(AccessGuard(permission: .manageUsers))
    administrators.get(SiteURL.users.pathComponents, use: users.index)
    administrators.post(SiteURL.users.pathComponents, use: users.create)
    administrators.post(SiteURL.user.pathComponents, use: users.update)
    pages.grouped(AccessGuard(permission: .readAudit)).get(SiteURL.audit.pathComponents, use: AuditController().index)

    let api = app.grouped(BearerAuthenticator(), AccessGuard(permission: .read))
    api.get(SiteURL.apiKeyFigures.pathComponents, use: KeyFiguresAPIController(area: config.area).show)
}
