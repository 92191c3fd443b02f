import Vapor

/// Beheer: logging in and out, accounts, the audit trail.
enum AdminArea {
    static func register(on routes: AreaRoutes) throws {
        let login = try LoginController(security: routes.config.security)
        routes.pages.get(SiteURL.login.pathComponents, use: login.show)
        routes.pages.post(SiteURL.login.pathComponents, use: login.login)
        routes.pages(.read).post(SiteURL.logout.pathComponents, use: login.logout)

        let users = UsersController(passwordCost: routes.config.security.passwordCost)
        let administrators = routes.pages(.manageUsers)
        administrators.get(SiteURL.users.pathComponents, use: users.index)
        administrators.post(SiteURL.users.pathComponents, use: users.create)
        administrators.post(SiteURL.user.pathComponents, use: users.update)
        administrators.get(SiteURL.user.pathComponents, use: users.show)
        administrators.post(SiteURL.userPassword.pathComponents, use: users.setPassword)
        administrators.post(SiteURL.userTokens.pathComponents, use: users.createToken)
        administrators.post(SiteURL.revokeToken.pathComponents, use: users.revokeToken)
        routes.pages(.readAudit).get(SiteURL.audit.pathComponents, use: AuditController().index)
    }
}
