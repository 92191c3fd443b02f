import Vapor

/// Groeiclusters: the strategy's clusters as data (SBI codes, organisations added and excluded)
/// and their economy from the register; engagements (who took part in a cluster's work) and who is
/// actively involved.
enum ClustersArea {
    static func register(on routes: AreaRoutes) {
        let clusters = ClustersController(area: routes.config.area)
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        readers.get(SiteURL.clusters.pathComponents, use: clusters.index)
        // Engagements are recorded by whoever works on relations (account managers too).
        let engagements = EngagementsController(), recorders = routes.pages(.editRelations)
        readers.get(SiteURL.engagements.pathComponents, use: engagements.index)
        recorders.get(SiteURL.newEngagement.pathComponents, use: engagements.newForm)
        recorders.post(SiteURL.engagements.pathComponents, use: engagements.create)
        recorders.get(SiteURL.engagement.pathComponents, use: engagements.show)
        recorders.post(SiteURL.engagement.pathComponents, use: engagements.update)
        recorders.post(SiteURL.deleteEngagement.pathComponents, use: engagements.delete)
        let collaborations = CollaborationsController()
        readers.get(SiteURL.collaborations.pathComponents, use: collaborations.index)
        recorders.get(SiteURL.newCollaboration.pathComponents, use: collaborations.newForm)
        recorders.post(SiteURL.collaborations.pathComponents, use: collaborations.create)
        recorders.get(SiteURL.collaboration.pathComponents, use: collaborations.show)
        recorders.post(SiteURL.collaboration.pathComponents, use: collaborations.update)
        recorders.post(SiteURL.deleteCollaboration.pathComponents, use: collaborations.delete)
        editors.get(SiteURL.newCluster.pathComponents, use: clusters.newForm)
        editors.post(SiteURL.clusters.pathComponents, use: clusters.create)
        readers.get(SiteURL.cluster.pathComponents, use: clusters.show)
        readers.get(SiteURL.clusterNetwork.pathComponents, use: clusters.network)
        editors.get(SiteURL.editCluster.pathComponents, use: clusters.editForm)
        editors.post(SiteURL.cluster.pathComponents, use: clusters.update)
        editors.get(SiteURL.deleteCluster.pathComponents, use: clusters.removalForm)
        editors.post(SiteURL.deleteCluster.pathComponents, use: clusters.remove)

        // The showcase is public: the only page of the clusters without login.
        let showcase = ShowcaseController(area: routes.config.area)
        routes.pages.get(SiteURL.showcase.pathComponents, use: showcase.show)
        recorders.post(SiteURL.organisationShowcase.pathComponents, use: showcase.consent)

        let api = routes.api.grouped("api", "v1")
        api.grouped(AccessGuard(permission: .read)).get("clusters", use: ClustersAPI.list)
        api.grouped(AccessGuard(permission: .read)).get("clusters", ":id", use: ClustersAPI.show)
        let programme = api.grouped(AccessGuard(permission: .editProgramme))
        programme.post("clusters", use: ClustersAPI.create)
        programme.put("clusters", ":id", use: ClustersAPI.replace)
        programme.patch("clusters", ":id", use: ClustersAPI.change)
        programme.delete("clusters", ":id", use: ClustersAPI.delete)
        ResourceAPI<EngagementsResource>(write: .editRelations).register(on: api)
        ResourceAPI<CollaborationsResource>(write: .editRelations).register(on: api)
    }
}
