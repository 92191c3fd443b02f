import Vapor

/// Relaties: organisations, people, contact moments and follow-ups, questions, the attraction
/// pipeline, the watchlist and the AVG duties; on the web and in the JSON API.
enum RelationsArea {
    static func register(on routes: AreaRoutes) {
        let readers = routes.pages(.read), editors = routes.pages(.editRelations), privacy = routes.pages(.managePersonalData)

        let organisations = OrganisationsController()
        readers.get(SiteURL.organisations.pathComponents, use: organisations.index)
        readers.get(SiteURL.organisation.pathComponents, use: organisations.show)
        editors.get(SiteURL.newOrganisation.pathComponents, use: organisations.newForm)
        editors.post(SiteURL.organisations.pathComponents, use: organisations.create)
        editors.get(SiteURL.editOrganisation.pathComponents, use: organisations.editForm)
        editors.post(SiteURL.organisation.pathComponents, use: organisations.update)
        editors.post(SiteURL.deleteOrganisation.pathComponents, use: organisations.delete)
        editors.post(SiteURL.mergeOrganisation.pathComponents, use: organisations.merge)
        editors.post(SiteURL.organisationPeople.pathComponents, use: organisations.addPerson)
        editors.get(SiteURL.picker.pathComponents, use: PickerController().search)
        readers.get(SiteURL.duplicates.pathComponents, use: organisations.duplicates)

        let people = PeopleController()
        readers.get(SiteURL.people.pathComponents, use: people.index)
        readers.get(SiteURL.person.pathComponents, use: people.show)
        editors.get(SiteURL.newPerson.pathComponents, use: people.newForm)
        editors.post(SiteURL.people.pathComponents, use: people.create)
        editors.get(SiteURL.editPerson.pathComponents, use: people.editForm)
        editors.post(SiteURL.person.pathComponents, use: people.update)
        editors.post(SiteURL.personRoles.pathComponents, use: people.addRole)
        editors.post(SiteURL.deleteRole.pathComponents, use: people.removeRole)

        let contacts = ContactMomentsController()
        readers.get(SiteURL.contactMoments.pathComponents, use: contacts.index)
        readers.get(SiteURL.topics.pathComponents, use: contacts.topics)
        editors.get(SiteURL.newContactMoment.pathComponents, use: contacts.newForm)
        editors.get(SiteURL.contactMoment.pathComponents, use: contacts.show)
        editors.post(SiteURL.contactMoments.pathComponents, use: contacts.create)
        editors.post(SiteURL.contactMoment.pathComponents, use: contacts.update)
        editors.get(SiteURL.myTasks.pathComponents, use: contacts.myTasks)
        editors.post(SiteURL.followUpStatus.pathComponents, use: contacts.setFollowUpStatus)
        editors.post(SiteURL.followUpPlan.pathComponents, use: contacts.replanFollowUp)
        editors.post(SiteURL.topics.pathComponents, use: contacts.saveTopic)
        editors.post(SiteURL.topic.pathComponents, use: contacts.saveTopic)

        let questions = QuestionsController()
        readers.get(SiteURL.questions.pathComponents, use: questions.index)
        editors.get(SiteURL.newQuestion.pathComponents, use: questions.newForm)
        editors.get(SiteURL.question.pathComponents, use: questions.show)
        editors.post(SiteURL.questions.pathComponents, use: questions.create)
        editors.post(SiteURL.question.pathComponents, use: questions.update)

        let acquisitions = AcquisitionsController(area: routes.config.area)
        readers.get(SiteURL.acquisitions.pathComponents, use: acquisitions.index)
        editors.get(SiteURL.newAcquisition.pathComponents, use: acquisitions.newForm)
        editors.get(SiteURL.acquisition.pathComponents, use: acquisitions.show)
        editors.post(SiteURL.acquisitions.pathComponents, use: acquisitions.create)
        editors.post(SiteURL.acquisition.pathComponents, use: acquisitions.update)

        let watchlist = WatchlistController(area: routes.config.area)
        readers.get(SiteURL.watchlist.pathComponents, use: watchlist.watchlist)
        privacy.get(SiteURL.peopleReview.pathComponents, use: watchlist.review)
        privacy.post(SiteURL.relationSettings.pathComponents, use: watchlist.saveSettings)
        privacy.get(SiteURL.personData.pathComponents, use: people.personalData)
        privacy.post(SiteURL.erasePerson.pathComponents, use: people.erase)

        registerAPI(on: routes)
    }

    private static func registerAPI(on routes: AreaRoutes) {
        let api = routes.api.grouped("api", "v1")
        ResourceAPI<OrganisationsResource>(write: .editRelations).register(on: api)
        api.grouped(AccessGuard(permission: .editRelations)).post("organisations", ":id", "merge", use: OrganisationsResource.merge)
            .documented("Merges a duplicate into this organisation", "The duplicate's contact moments, people, engagements and other links move here; the duplicate is deleted.",
                        body: OrganisationsResource.MergeRequest.self)
        api.grouped(AccessGuard(permission: .read)).get("organisations", ":id", "register", use: OrganisationsResource.register)
            .documented("The organisation's history in the register", "Establishments and jobs per year of its KvK number, and whether it is a high-growth enterprise (OECD).")
        let personalData = api.grouped(AccessGuard(permission: .managePersonalData))
        personalData.get("people", ":id", "personal-data", use: PeopleResource.personalData)
            .documented("Everything held about a person", "The answer to a request for access (AVG article 15); administrators only. The reading is recorded.")
        personalData.post("people", ":id", "erase", use: PeopleResource.erase)
            .documented("Erases a person", "Removes the person and their contact details everywhere (AVG article 17); contact moments keep a count of erased people. Administrators only.")
        ResourceAPI<PeopleResource>(write: .editRelations).register(on: api)
        ResourceAPI<ContactMomentsResource>(write: .editRelations).register(on: api)
        ResourceAPI<FollowUpsResource>(write: .editRelations).register(on: api)
        ResourceAPI<QuestionsResource>(write: .editRelations).register(on: api)
        ResourceAPI<AcquisitionsResource>(write: .editRelations).register(on: api)
    }
}
