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
    let people = PeopleController()
    readers.get(SiteURL.people.pathComponents, use: people.index)
    readers.get(SiteURL.person.pathComponents, use: people.show)
    relationEditors.get(SiteURL.newPerson.pathComponents, use: people.newForm)
    relationEditors.post(SiteURL.people.pathComponents, use: people.create)
    relationEditors.get(SiteURL.editPerson.pathComponents, use: people.editForm)
    relationEditors.post(SiteURL.person.pathComponents, use: people.update)
    relationEditors.post(SiteURL.personRoles.pathComponents, use: people.addRole)
    relationEditors.post(SiteURL.deleteRole.pathComponents, use: people.removeRole)
    let contacts = ContactMomentsController()
    readers.get(SiteURL.contactMoments.pathComponents, use: contacts.index)
    readers.get(SiteURL.topics.pathComponents, use: contacts.topics)
    relationEditors.get(SiteURL.newContactMoment.pathComponents, use: contacts.newForm)
    relationEditors.get(SiteURL.contactMoment.pathComponents, use: contacts.show)
    relationEditors.post(SiteURL.contactMoments.pathComponents, use: contacts.create)
    relationEditors.post(SiteURL.contactMoment.pathComponents, use: contacts.update)
    relationEditors.get(SiteURL.myTasks.pathComponents, use: contacts.myTasks)
    relationEditors.post(SiteURL.followUpStatus.pathComponents, use: contacts.setFollowUpStatus)
    relationEditors.post(SiteURL.topics.pathComponents, use: contacts.saveTopic)
    relationEditors.post(SiteURL.topic.pathComponents, use: contacts.saveTopic)
    let privacy = pages.grouped(AccessGuard(permission: .managePersonalData))
    privacy.get(SiteURL.personData.pathComponents, use: people.personalData)
    privacy.post(SiteURL.erasePerson.pathComponents, use: people.erase)

    let users = UsersController(passwordCost: config.security.passwordCost)
    let administrators = pages.grouped(AccessGuard(permission: .manageUsers))
    administrators.get(SiteURL.users.pathComponents, use: users.index)
    administrators.post(SiteURL.users.pathComponents, use: users.create)
    administrators.post(SiteURL.user.pathComponents, use: users.update)
    pages.grouped(AccessGuard(permission: .readAudit)).get(SiteURL.audit.pathComponents, use: AuditController().index)

    let api = app.grouped(BearerAuthenticator(), AccessGuard(permission: .read))
    api.get(SiteURL.apiKeyFigures.pathComponents, use: KeyFiguresAPIController(area: config.area).show)
}
